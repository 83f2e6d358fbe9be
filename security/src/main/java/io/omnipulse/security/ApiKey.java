package io.omnipulse.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API key as a source sends it: {@code opk_<id>_<secret>}. The id (8 characters, a-z and 0-9) is
 * public: it finds the key's entry and may appear in logs. The secret (32 random bytes, base64url) is
 * never stored: the key file holds its SHA-256 ({@link #secretSha256()}). A fast hash is enough for a
 * 256-bit random secret, which no dictionary can guess; a slow password hash would cost every request
 * tens of milliseconds for nothing. The prefix lets secret scanners recognise a leaked key.
 */
public record ApiKey(String id, String secret) {

    public static final String PREFIX = "opk_";
    private static final Pattern FORM = Pattern.compile("opk_([a-z0-9]{8})_([A-Za-z0-9_-]{20,64})");
    private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new key with a random id and secret. */
    public static ApiKey generate() {
        StringBuilder id = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            id.append(ID_CHARS[RANDOM.nextInt(ID_CHARS.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new ApiKey(id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The key in {@code text}; empty when it does not have the form of one (nothing else is said about it). */
    public static Optional<ApiKey> parse(String text) {
        if (text == null || text.length() > 100) {
            return Optional.empty();
        }
        var match = FORM.matcher(text.trim());
        return match.matches() ? Optional.of(new ApiKey(match.group(1), match.group(2))) : Optional.empty();
    }

    /** What the source sends. */
    public String text() {
        return PREFIX + id + '_' + secret;
    }

    /** What the key file stores: the SHA-256 of the secret, in lower-case hex. */
    public String secretSha256() {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Whether this key's secret hashes to {@code storedSha256}, compared in constant time. */
    public boolean matches(String storedSha256) {
        if (storedSha256 == null || storedSha256.length() != 64) {
            return false;
        }
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedSha256);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret), stored);
    }

    /** Never the secret: a key in a log or an exception message shows its id only. */
    @Override
    public String toString() {
        return PREFIX + id + "_…";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
