package io.omnipulse.scoring.streams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * The values per key that a processor holds until the commit ({@link CommitFlush}): the latest one
 * ({@link PublishLatest}) or a sum ({@link SumUntilCommit}, {@link PendingScopeSums}), as objects, at most {@code capacity}
 * keys. A key already held is always updated; a new key beyond the capacity is refused, and its
 * caller passes that value on at once instead: memory stays bounded, and no update is lost, only
 * combined less.
 */
final class PendingPerKey<V> {

    private final int capacity;
    /** In the order the keys came since they were last taken: the order they are passed on in. */
    private final Map<String, V> values = new LinkedHashMap<>();

    PendingPerKey(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Holds {@code value} as the latest of {@code key}; false (nothing held) when a new key finds it full. */
    boolean offer(String key, V value) {
        return add(key, value, (held, latest) -> latest);
    }

    /** Holds {@code value} added to what {@code key} holds ({@code plus}); false (nothing held) when a new key finds it full. */
    boolean add(String key, V value, BinaryOperator<V> plus) {
        if (!hasRoomFor(key)) {
            return false;
        }
        values.merge(key, value, plus);
        return true;
    }

    /** What {@code key} holds, or {@code fresh} held from now on; null when a new key finds it full. */
    V holding(String key, Supplier<V> fresh) {
        return hasRoomFor(key) ? values.computeIfAbsent(key, k -> fresh.get()) : null;
    }

    private boolean hasRoomFor(String key) {
        return values.size() < capacity || holds(key);
    }

    /** Whether a value is held for {@code key}. */
    boolean holds(String key) {
        return values.containsKey(key);
    }

    /** The value held for {@code key}, no longer held; null when none is. */
    V take(String key) {
        return values.remove(key);
    }

    /** Every value held, in the order their keys came, no longer held. */
    List<V> takeAll() {
        List<V> all = new ArrayList<>(values.values());
        values.clear();
        return all;
    }

    int size() {
        return values.size();
    }

    void clear() {
        values.clear();
    }
}
