package io.omnipulse.scoring.streams;

import java.util.HashMap;
import java.util.Map;

/**
 * The latest value per key that {@link PublishLatest} has yet to publish, as objects, at most
 * {@code capacity} keys. A key already held is always updated; a new key beyond the capacity is
 * refused, and its caller publishes that value at once instead: memory stays bounded, and no update
 * is lost, only deduplicated less.
 */
final class PendingLatest<V> {

    private final int capacity;
    private final Map<String, V> values = new HashMap<>();

    PendingLatest(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Holds {@code value} as the latest of {@code key}; false (nothing held) when a new key finds it full. */
    boolean offer(String key, V value) {
        if (values.size() >= capacity && !values.containsKey(key)) {
            return false;
        }
        values.put(key, value);
        return true;
    }

    /** The latest value held for {@code key}, no longer held; null when none is. */
    V take(String key) {
        return values.remove(key);
    }

    int size() {
        return values.size();
    }

    void clear() {
        values.clear();
    }
}
