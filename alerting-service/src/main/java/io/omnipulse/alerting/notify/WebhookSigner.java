package io.omnipulse.alerting.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook payloads per the Standard Webhooks convention: the signature is
 * {@code v1,<base64 HMAC-SHA256 over "id.timestamp.body">}, keyed with the base64-decoded secret
 * (an optional {@code whsec_} prefix is stripped).
 */
public final class WebhookSigner {

    public static final String PREFIX = "whsec_";

    private final byte[] key;

    public WebhookSigner(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        String encoded = secret.trim().startsWith(PREFIX) ? secret.trim().substring(PREFIX.length()) : secret.trim();
        try {
            this.key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook secret must be base64 (optionally prefixed whsec_)", e);
        }
    }

    /** The value of the {@code webhook-signature} header. */
    public String sign(String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
        }
    }
}
