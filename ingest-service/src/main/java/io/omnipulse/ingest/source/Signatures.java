package io.omnipulse.ingest.source;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC arithmetic the vendors' signature schemes share, and their checks in constant time. */
public final class Signatures {

    public static final String SHA256 = "HmacSHA256";
    public static final String SHA1 = "HmacSHA1";

    private Signatures() {
    }

    public static byte[] hmac(String algorithm, String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Passes when {@code sent} equals {@code expected}; the comparison takes the same time wherever they differ. */
    public static void requireEqual(String header, String sent, String expected) {
        if (sent == null || sent.isBlank()) {
            throw new WebhookUnauthorizedException("the " + header + " header is missing");
        }
        if (!MessageDigest.isEqual(utf8(sent.trim()), utf8(expected))) {
            throw new WebhookUnauthorizedException("the " + header + " header does not match the body and this "
                    + "source's secret");
        }
    }

    /**
     * Refuses a signed timestamp outside {@code tolerance} of now, so that a captured request cannot be
     * replayed later (inside the tolerance, the vendor's event id deduplicates it).
     */
    public static void requireFresh(String header, Instant signedAt, Clock clock, Duration tolerance) {
        if (signedAt == null) {
            throw new WebhookUnauthorizedException("the " + header + " header is missing or not a timestamp");
        }
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            throw new WebhookUnauthorizedException("the " + header + " header lies more than "
                    + tolerance.toSeconds() + " s from now; the request is stale or replayed");
        }
    }
}
