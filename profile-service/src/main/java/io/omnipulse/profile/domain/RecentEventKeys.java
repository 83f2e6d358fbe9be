package io.omnipulse.profile.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The dedup keys (source/eventId) of a profile's latest events, oldest first, each kept as a 64-bit
 * hash: a profile is read and written once per event, and as strings its 200 keys were most of its
 * bytes, of what the stream thread decoded and of the changelog. The hash is SHA-256's first 8 bytes:
 * to make an event look like one already folded in, a sender would need a key with the same 64 bits as
 * that event's, a second preimage (2^64 tries); two keys of one profile meeting by chance is about one
 * in 10^17.
 */
public final class RecentEventKeys {

    public static final RecentEventKeys NONE = new RecentEventKeys(new long[0]);

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private final long[] hashes;

    private RecentEventKeys(long[] hashes) {
        this.hashes = hashes;
    }

    /** The hashes as stored, oldest first. */
    @JsonCreator
    public static RecentEventKeys of(long... hashes) {
        return hashes == null || hashes.length == 0 ? NONE : new RecentEventKeys(hashes.clone());
    }

    /** {@code count} hashes taken from {@code next} in order, oldest first: a codec reading them back. */
    public static RecentEventKeys read(int count, LongSupplier next) {
        if (count <= 0) {
            return NONE;
        }
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = next.getAsLong();
        }
        return new RecentEventKeys(hashes);
    }

    /** The hash a dedup key is remembered by. */
    public static long hashOf(String dedupKey) {
        byte[] digest = SHA_256.get().digest(dedupKey.getBytes(StandardCharsets.UTF_8));
        long hash = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            hash = (hash << 8) | (digest[i] & 0xFF);
        }
        return hash;
    }

    public boolean contains(long hash) {
        for (long h : hashes) {
            if (h == hash) {
                return true;
            }
        }
        return false;
    }

    /** These and {@code hash} after them, only the newest {@code max} kept. */
    public RecentEventKeys append(long hash, int max) {
        long[] all = Arrays.copyOf(hashes, hashes.length + 1);
        all[hashes.length] = hash;
        return newest(all, max);
    }

    /** These, then those of {@code other} not among them, only the newest {@code max} kept: a merged profile's. */
    public RecentEventKeys union(RecentEventKeys other, int max) {
        Set<Long> both = new LinkedHashSet<>();
        for (long h : hashes) {
            both.add(h);
        }
        for (long h : other.hashes) {
            both.add(h);
        }
        return newest(both.stream().mapToLong(Long::longValue).toArray(), max);
    }

    public int size() {
        return hashes.length;
    }

    /** The {@code index}th hash, oldest first. */
    public long get(int index) {
        return hashes[index];
    }

    @JsonValue
    public long[] hashes() {
        return hashes.clone();
    }

    private static RecentEventKeys newest(long[] all, int max) {
        return all.length <= max ? new RecentEventKeys(all)
                : new RecentEventKeys(Arrays.copyOfRange(all, all.length - max, all.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecentEventKeys other && Arrays.equals(hashes, other.hashes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "RecentEventKeys" + Arrays.toString(hashes);
    }
}
