package io.omnipulse.devstack.deadletters;

import io.omnipulse.events.DeadLetters.Origin;

/**
 * One record of the dead-letter topic: where it sits there, where it came from, and the original
 * key and value bytes (never printed: they may hold personal data).
 */
public record DeadLetter(int partition, long offset, Origin origin, byte[] key, byte[] value) {

    /** Stable identity of this dead letter, the key of its entry in the {@link ReplayLedger}. */
    public String id() {
        return partition + ":" + offset;
    }

    public int keySize() {
        return key == null ? 0 : key.length;
    }

    public int valueSize() {
        return value == null ? 0 : value.length;
    }
}
