package io.omnipulse.streamsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Deleting many entries of a key-value store at once: those whose value says they expired (the purge
 * that bounds the stores remembering things for a retention: seen events, resolved keys, merged ids,
 * erasures, run from a wall-clock punctuation so that they shrink even when no records arrive), and
 * those under one key prefix (a customer's entries, taken out on a merge or an erasure). Keys are
 * collected first and deleted after: a store is not modified under an open iterator.
 */
public final class StoreSweeps {

    private StoreSweeps() {
    }

    /** Deletes every entry whose value is {@code expired}; returns how many. */
    public static <V> int deleteWhere(KeyValueStore<String, V> store, Predicate<V> expired) {
        List<String> keys = new ArrayList<>();
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

    /**
     * Deletes every entry whose key starts with {@code prefix}; returns what they held, by the rest of
     * their key, in key order.
     */
    public static <V> Map<String, V> takePrefix(KeyValueStore<String, V> store, String prefix) {
        Map<String, V> taken = new LinkedHashMap<>();
        try (KeyValueIterator<String, V> all = store.prefixScan(prefix, Serdes.String().serializer())) {
            all.forEachRemaining(entry -> taken.put(entry.key.substring(prefix.length()), entry.value));
        }
        taken.keySet().forEach(rest -> store.delete(prefix + rest));
        return taken;
    }
}
