package io.omnipulse.streamsupport.binary;

/**
 * The values a serde wrote or read last, each with the very byte array it wrote it as or read it
 * from, so that reading that array again returns the value instead of decoding it again. A cached
 * Kafka Streams store keeps the array a put gave it and hands that same array to every get of the
 * key until the next put; for a value read and rewritten on every event (scoring's customer entry),
 * the decoding was a fifth of the stream thread's allocation.
 *
 * <p>Only the identity of an array counts, never its content, so the answer is always the value that
 * array was written from or read as. The values must be immutable, and their format must read back
 * exactly what was written (both hold for the binary formats here, and their tests check it).
 *
 * <p>A fixed number of slots, indexed by identity hash, each taken over by the next array that maps
 * to it: the memory is bounded, and a lost slot merely costs a decoding. Slots are read and written
 * without locks by every stream thread: a {@link Known} is immutable (final fields), so a thread sees
 * it whole or not at all.
 */
final class RememberedValues<T> {

    private record Known<T>(byte[] bytes, T value) {
    }

    private final Known<T>[] slots;
    private final int mask;

    @SuppressWarnings("unchecked")
    RememberedValues(int slots) {
        if (slots < 1 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, not " + slots);
        }
        this.slots = new Known[slots];
        this.mask = slots - 1;
    }

    void remember(byte[] bytes, T value) {
        slots[slot(bytes)] = new Known<>(bytes, value);
    }

    /** The value {@code bytes} (this very array) was written from or read as, or null if it is not remembered. */
    T recall(byte[] bytes) {
        Known<T> known = slots[slot(bytes)];
        return known != null && known.bytes() == bytes ? known.value() : null;
    }

    private int slot(byte[] bytes) {
        int hash = System.identityHashCode(bytes);
        return (hash ^ (hash >>> 16)) & mask;
    }
}
