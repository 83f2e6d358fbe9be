package io.omnipulse.devstack.testkit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook the way each vendor does, written from the vendors' documentation apart from the
 * service's own checks, so that tests catch a mistake in either. Gives the headers to send; Twilio's
 * signature also covers the URL, whose {@code bodySHA256} parameter {@link #twilioUrl} adds.
 */
public final class VendorSigner {

    private VendorSigner() {
    }

    /** The headers that authenticate {@code body} to {@code vendor}'s webhook at {@code url}, signed at {@code at}. */
    public static Map<String, String> headers(String vendor, String secret, byte[] body, URI url, Instant at) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (vendor) {
            case "zendesk" -> {
                String timestamp = at.toString();
                headers.put("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
                headers.put("X-Zendesk-Webhook-Signature", Base64.getEncoder().encodeToString(
                        hmac("HmacSHA256", secret, concat(timestamp.getBytes(StandardCharsets.UTF_8), body))));
            }
            case "chatwoot" -> {
                String timestamp = String.valueOf(at.getEpochSecond());
                headers.put("X-Chatwoot-Timestamp", timestamp);
                headers.put("X-Chatwoot-Signature", "sha256=" + HexFormat.of().formatHex(
                        hmac("HmacSHA256", secret, concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), body))));
            }
            case "intercom" -> headers.put("X-Hub-Signature", "sha1=" + HexFormat.of().formatHex(hmac("HmacSHA1", secret, body)));
            case "amazon-connect" -> headers.put("X-OmniPulse-Source-Token", secret);
            case "twilio" -> headers.put("X-Twilio-Signature", Base64.getEncoder().encodeToString(
                    hmac("HmacSHA1", secret, url.toString().getBytes(StandardCharsets.UTF_8))));
            default -> throw new IllegalArgumentException("no vendor " + vendor);
        }
        return headers;
    }

    /** The URL Twilio calls for {@code body}: the sink's URL with {@code bodySHA256} (hex SHA-256 of the body). */
    public static URI twilioUrl(URI sink, byte[] body) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            return URI.create(sink + (sink.getRawQuery() == null ? "?" : "&") + "bodySHA256=" + digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String algorithm, String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
