package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScoreTally;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Interactive queries on {@link ScoringTopology#TALLIES_STORE}: answers whether this instance
 * holds a scope's tally, another instance does, or nobody has counted a response for it yet.
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
        ValueAndTimestamp<ScoreTally> found;
        try {
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<ScoreTally>> store = streams.store(
                    StoreQueryParameters.fromNameAndType(ScoringTopology.TALLIES_STORE,
                            QueryableStoreTypes.timestampedKeyValueStore()));
            found = store.get(key);
        } catch (InvalidStateStoreException e) {
            throw new StoreNotQueryableException("scores are not queryable yet: " + e.getMessage(), e);
        }
        return found == null || found.value() == null
                ? new ScoreLookup.NotFound()
                : new ScoreLookup.Found(found.value(), Instant.ofEpochMilli(found.timestamp()));
    }
}
