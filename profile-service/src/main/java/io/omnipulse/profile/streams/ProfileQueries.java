package io.omnipulse.profile.streams;

import io.omnipulse.profile.domain.CustomerRecord;
import io.omnipulse.profile.domain.ErasureStatus;
import io.omnipulse.profile.domain.IdentityNode;
import io.omnipulse.queries.OwnerLookup;
import io.omnipulse.queries.QueryResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Interactive queries on the stores of {@link ProfileTopology}. Each key lives on exactly one
 * instance; this bean says whether that is this one and, if so, what the store holds.
 */
@ApplicationScoped
public class ProfileQueries {

    private final OwnerLookup owners;

    @Inject
    public ProfileQueries(KafkaStreams streams,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") Optional<String> applicationServer) {
        this.owners = new OwnerLookup(streams, applicationServer);
    }

    /** The profile of a customer, or the pointer to the survivor it was merged into. */
    public QueryResult<CustomerRecord> profile(String customerId) {
        return owners.get(ProfileTopology.PROFILE_STORE, customerId, (CustomerRecord r) -> r);
    }

    /** Where an erasure stands. */
    public QueryResult<ErasureStatus> erasure(String erasureId) {
        return owners.get(ProfileTopology.ERASURE_STATUS_STORE, erasureId, (ErasureStatus status) -> status);
    }

    /** The customer id an identifier such as {@code email:ann@example.com} belongs to. */
    public QueryResult<String> customerIdOf(String typedIdentifier) {
        // Placed by its own customer id, as the loop places it (LoopRouting).
        return owners.get(ProfileTopology.IDENTIFIER_INDEX_STORE, typedIdentifier,
                LoopRouting.identifierRoutingKey(typedIdentifier),
                (IdentityNode node) -> node.label() == null ? null : node.label().customerId());
    }
}
