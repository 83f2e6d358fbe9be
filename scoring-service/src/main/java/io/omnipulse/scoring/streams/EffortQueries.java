package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.ScopeKey;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Interactive queries on the effort state: one customer's index (partitioned by customer id, like
 * the input) and the aggregates per scope key (partitioned by scope key, after their repartition).
 */
@ApplicationScoped
public class EffortQueries {

    private final KafkaStreams streams;
    private final HostInfo self;

    public EffortQueries(KafkaStreams streams,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer) {
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
    }

    public StateLookup<EffortState> customer(String customerId) {
        return lookup(ScoringTopology.EFFORT_STORE, customerId);
    }

    public StateLookup<EffortAggregate> aggregate(ScopeKey scope) {
        return lookup(ScoringTopology.EFFORT_AGGREGATES_STORE, scope.format());
    }

    /** Throws {@link StoreNotQueryableException} while the owner of the key is not known or not ready. */
    private <V> StateLookup<V> lookup(String storeName, String key) {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(storeName, key, Serdes.String().serializer());
        } catch (IllegalStateException | InvalidStateStoreException e) {
            throw new StoreNotQueryableException("effort is not queryable yet: " + e.getMessage(), e);
        }
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw new StoreNotQueryableException("the owner of " + key + " is not known yet (rebalancing)", null);
        }
        if (!self.equals(owner.activeHost())) {
            return new StateLookup.FoundElsewhere<>(owner.activeHost().host(), owner.activeHost().port());
        }
        try {
            ReadOnlyKeyValueStore<String, V> store = streams.store(StoreQueryParameters
                    .fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore())
                    .withPartition(owner.partition()));
            V found = store.get(key);
            return found == null ? new StateLookup.NotFound<>() : new StateLookup.Found<>(found);
        } catch (InvalidStateStoreException e) {
            throw new StoreNotQueryableException("effort is not queryable yet: " + e.getMessage(), e);
        }
    }
}
