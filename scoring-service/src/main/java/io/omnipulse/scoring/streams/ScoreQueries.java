package io.omnipulse.scoring.streams;

import io.omnipulse.queries.OwnerLookup;
import io.omnipulse.queries.QueryResult;
import io.omnipulse.queries.StoreNotQueryableException;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
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

    private final OwnerLookup owners;

    public ScoreQueries(KafkaStreams streams,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer) {
        this.owners = new OwnerLookup(streams, Optional.of(applicationServer));
    }

    /** Throws {@link StoreNotQueryableException} while the owner of the key is not known or not ready. */
    public QueryResult<ScoreLookup> lookup(ScopeKey scope) {
        String key = scope.format();
        return owners.onOwner(ScoringTopology.TALLIES_STORE, key, partition -> {
            ScopeTotals found = owners.<ScopeTotals>store(ScoringTopology.TALLIES_STORE, partition).get(key);
            ReadOnlyKeyValueStore<String, ScoreTally> buckets = owners.store(ScoringTopology.BUCKETS_STORE, partition);
            return found == null ? null : new ScoreLookup(found, day -> bucket(buckets, key, day));
        });
    }

    private static ScoreTally bucket(ReadOnlyKeyValueStore<String, ScoreTally> buckets, String key, long day) {
        try {
            return buckets.get(TallyWindows.bucketKey(key, day));
        } catch (InvalidStateStoreException e) {
            throw new StoreNotQueryableException("scores are not queryable now: " + e.getMessage(), e);
        }
    }
}
