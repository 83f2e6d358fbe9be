package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
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
 * Interactive queries on the tallies and day buckets of a scope key: answers whether this
 * instance holds them, another instance does, or nobody has counted a response for it yet. The
 * buckets of a scope key live in the same partition as its totals (both are written by the task
 * that owns the key), so both are read from that one partition.
 */
@ApplicationScoped
public class ScoreQueries {

    private final KafkaStreams streams;
    private final HostInfo self;

    public ScoreQueries(KafkaStreams streams,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer) {
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
    }

    /** Throws {@link StoreNotQueryableException} while the owner of the key is not known or not ready. */
    public ScoreLookup lookup(ScopeKey scope) {
        String key = scope.format();
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(ScoringTopology.TALLIES_STORE, key, Serdes.String().serializer());
        } catch (IllegalStateException | InvalidStateStoreException e) {
            throw new StoreNotQueryableException("scores are not queryable yet: " + e.getMessage(), e);
        }
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw new StoreNotQueryableException("the owner of " + key + " is not known yet (rebalancing)", null);
        }
        if (!self.equals(owner.activeHost())) {
            return new ScoreLookup.FoundElsewhere(owner.activeHost().host(), owner.activeHost().port());
        }
        try {
            ReadOnlyKeyValueStore<String, ScopeTotals> totals = store(ScoringTopology.TALLIES_STORE, owner.partition());
            ReadOnlyKeyValueStore<String, ScoreTally> buckets = store(ScoringTopology.BUCKETS_STORE, owner.partition());
            ScopeTotals found = totals.get(key);
            return found == null
                    ? new ScoreLookup.NotFound()
                    : new ScoreLookup.Found(found, day -> bucket(buckets, key, day));
        } catch (InvalidStateStoreException e) {
            throw new StoreNotQueryableException("scores are not queryable yet: " + e.getMessage(), e);
        }
    }

    private static ScoreTally bucket(ReadOnlyKeyValueStore<String, ScoreTally> buckets, String key, long day) {
        try {
            return buckets.get(TallyWindows.bucketKey(key, day));
        } catch (InvalidStateStoreException e) {
            throw new StoreNotQueryableException("scores are not queryable now: " + e.getMessage(), e);
        }
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(partition));
    }
}
