package io.omnipulse.profile.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a global store equal to its topic, as Kafka Streams restores it: each record put as it is, a
 * tombstone deleting its key.
 */
final class StoreCopy<K, V> implements Processor<K, V, Void, Void> {

    private final String storeName;
    private KeyValueStore<K, V> store;

    StoreCopy(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<K, V> record) {
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
