package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.ScopeKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
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
 * Interactive queries on the customer-keyed state: one customer's index and the survivor a merged
 * id went to (both partitioned by customer id, like the input), and the effort aggregates per scope
 * key (partitioned by scope key, after their repartition).
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
        return lookup(ScoringTopology.EFFORT_STORE, customerId, Function.<EffortState>identity());
    }

    public StateLookup<EffortAggregate> aggregate(ScopeKey scope) {
        return lookup(ScoringTopology.EFFORT_AGGREGATES_STORE, scope.format(), Function.<EffortAggregate>identity());
    }

    /**
     * The customer that {@code customerId} was merged into, one hop: that survivor may have been merged
     * since, and its own pointer lives on its own partition. Not found: the id was not merged (or so
     * long ago that the merge retention has forgotten it).
     */
    public StateLookup<String> survivorOf(String customerId) {
        return lookup(ScoringTopology.MERGED_CUSTOMERS_STORE, customerId, MergedInto::survivor);
    }

    /** Throws {@link StoreNotQueryableException} while the owner of the key is not known or not ready. */
    private <S, V> StateLookup<V> lookup(String storeName, String key, Function<S, V> view) {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(storeName, key, Serdes.String().serializer());
        } catch (IllegalStateException | InvalidStateStoreException e) {
            throw new StoreNotQueryableException(storeName + " is not queryable yet: " + e.getMessage(), e);
        }
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw new StoreNotQueryableException("the owner of " + key + " is not known yet (rebalancing)", null);
        }
        if (!self.equals(owner.activeHost())) {
            return new StateLookup.FoundElsewhere<>(owner.activeHost().host(), owner.activeHost().port());
        }
        try {
            ReadOnlyKeyValueStore<String, S> store = streams.store(StoreQueryParameters
                    .fromNameAndType(storeName, QueryableStoreTypes.<String, S>keyValueStore())
                    .withPartition(owner.partition()));
            S found = store.get(key);
            V value = found == null ? null : view.apply(found);
            // A null view is no state: e.g. a merged id that lives again has no survivor.
            return value == null ? new StateLookup.NotFound<>() : new StateLookup.Found<>(value);
        } catch (InvalidStateStoreException e) {
            throw new StoreNotQueryableException(storeName + " is not queryable yet: " + e.getMessage(), e);
        }
    }
}
