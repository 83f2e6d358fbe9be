package io.omnipulse.scoring.streams;

import io.omnipulse.queries.OwnerLookup;
import io.omnipulse.queries.QueryResult;
import io.omnipulse.scoring.domain.Scope;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Interactive queries on the tallies and day buckets of a scope key: answers whether this
 * instance holds them, another instance does, or nobody has counted a response for it yet. The
 * buckets of a scope key live in the same partition as its totals (both are written by the task
 * that owns the key), so both are read from that one partition. A customer's own scope key is
 * tallied on the customer's partition, which the customer id places, with the rest of its state.
 */
@ApplicationScoped
public class ScoreQueries {

    private final OwnerLookup owners;

    public ScoreQueries(KafkaStreams streams,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer) {
        this.owners = new OwnerLookup(streams, Optional.of(applicationServer));
    }

    /**
     * Throws {@link io.omnipulse.queries.StoreNotQueryableException} while the owner of the key is not
     * known or not ready. The key's day buckets are read in one prefix scan, not one get per day: each
     * get of a queried store looks its stores up again, and a customer's 30-day score read day by day
     * was half the CPU of scoring's query threads while alerting enriched a detractor storm (JFR under
     * the bench).
     */
    public QueryResult<ScoreLookup> lookup(ScopeKey scope) {
        String key = scope.format();
        TallyWindows.Stores stores = ScoringTopology.talliesOf(key);
        // A customer's tallies are placed by the customer id, the shared ones by the scope key.
        String placedBy = scope.scope() == Scope.CUSTOMER ? scope.key() : key;
        return owners.onOwner(stores.totals(), placedBy, partition -> {
            ScopeTotals found = owners.<ScopeTotals>store(stores.totals(), partition).get(key);
            if (found == null) {
                return null;
            }
            Map<Long, ScoreTally> days = TallyWindows.bucketsOf(owners.<ScoreTally>store(stores.buckets(), partition), key);
            return new ScoreLookup(found, days::get);
        });
    }
}
