package io.omnipulse.queries;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Finds the instance that owns a String key of a store ({@link KafkaStreams#queryMetadataForKey})
 * and, when it is this one, reads the key's partition. A service's query bean holds one and says
 * what its stores mean; this class says where they are.
 */
public class OwnerLookup {

    private final KafkaStreams streams;
    private final HostInfo self;

    /**
     * @param applicationServer this instance's {@code application.server}; without it Kafka Streams
     *        reports every owner as "unavailable", which is then this instance
     */
    public OwnerLookup(KafkaStreams streams, Optional<String> applicationServer) {
        this.streams = streams;
        this.self = applicationServer.map(HostInfo::buildFromEndpoint).orElse(HostInfo.unavailable());
    }

    /** The value of {@code key} in key-value {@code store}, seen through {@code view} (null: not found). */
    public <S, V> QueryResult<V> get(String store, String key, Function<S, V> view) {
        return get(store, key, key, view);
    }

    /**
     * As {@link #get(String, String, Function)}, for a store whose topology places {@code key} on the
     * partition Kafka's default partitioner gives {@code placedBy} (a topology with its own partitioner).
     */
    public <S, V> QueryResult<V> get(String store, String key, String placedBy, Function<S, V> view) {
        return onOwner(store, placedBy, partition -> {
            S stored = this.<S>store(store, partition).get(key);
            return stored == null ? null : view.apply(stored);
        });
    }

    /**
     * Runs {@code read} on the partition that holds {@code key} of {@code store} if this instance owns
     * it; {@code read} may read several stores co-partitioned with that one and returns null for
     * "not found". Throws {@link StoreNotQueryableException} while the owner is unknown or not ready.
     */
    public <V> QueryResult<V> onOwner(String store, String key, IntFunction<V> read) {
        // Only a RUNNING instance has a settled assignment; while rebalancing, ownership may move.
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new StoreNotQueryableException("store " + store + " is not queryable while " + state, null);
        }
        try {
            KeyQueryMetadata owner = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
            if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
                throw new StoreNotQueryableException("the owner of " + key + " in " + store
                        + " is not known yet (rebalancing)", null);
            }
            if (!self.equals(owner.activeHost())) {
                return new QueryResult.FoundElsewhere<>(owner.activeHost().host(), owner.activeHost().port());
            }
            V value = read.apply(owner.partition());
            return value == null ? new QueryResult.NotFound<>() : new QueryResult.Found<>(value);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new StoreNotQueryableException("store " + store + " is not queryable: " + e.getMessage(), e);
        }
    }

    /** One partition of a key-value store of this instance, for reads inside {@link #onOwner}. */
    public <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(partition));
    }
}
