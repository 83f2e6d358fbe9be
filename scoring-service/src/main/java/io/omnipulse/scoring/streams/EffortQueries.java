package io.omnipulse.scoring.streams;

import io.omnipulse.queries.OwnerLookup;
import io.omnipulse.queries.QueryResult;
import io.omnipulse.scoring.domain.CustomerState;
import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.ScopeKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Interactive queries on the customer-keyed state: one customer's index and the survivor a merged
 * id went to (both partitioned by customer id, like the input), and the effort aggregates per scope
 * key (partitioned by scope key, after their repartition).
 */
@ApplicationScoped
public class EffortQueries {

    private final OwnerLookup owners;

    public EffortQueries(KafkaStreams streams,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer) {
        this.owners = new OwnerLookup(streams, Optional.of(applicationServer));
    }

    public QueryResult<EffortState> customer(String customerId) {
        return owners.get(ScoringTopology.CUSTOMERS_STORE, customerId, CustomerState::effortOrNull);
    }

    public QueryResult<EffortAggregate> aggregate(ScopeKey scope) {
        return owners.get(ScoringTopology.EFFORT_AGGREGATES_STORE, scope.format(), Function.<EffortAggregate>identity());
    }

    /**
     * The customer that {@code customerId} was merged into, one hop: that survivor may have been merged
     * since, and its own pointer lives on its own partition. Not found: the id was not merged (or so
     * long ago that the merge retention has forgotten it), or it lives again and has no survivor.
     */
    public QueryResult<String> survivorOf(String customerId) {
        return owners.get(ScoringTopology.MERGED_CUSTOMERS_STORE, customerId, MergedInto::survivor);
    }
}
