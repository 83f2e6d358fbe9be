package io.omnipulse.streamsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Deletes the entries of a key-value store whose value says they expired: the purge that bounds the
 * stores remembering things for a retention (seen events, resolved keys, merged ids, erasures), run
 * from a wall-clock punctuation so that they shrink even when no records arrive.
 */
public final class StoreExpiry {

    private StoreExpiry() {
    }

    /** Deletes every entry whose value is {@code expired}; returns how many. */
    public static <V> int deleteWhere(KeyValueStore<String, V> store, Predicate<V> expired) {
        List<String> keys = new ArrayList<>();
        // Collect first, delete after: the store is not modified under an open iterator.
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                if (expired.test(entry.value)) {
                    keys.add(entry.key);
                }
            }
        }
        keys.forEach(store::delete);
        return keys.size();
    }
}
