package io.omnipulse.profile.streams;

import io.omnipulse.profile.domain.CustomerRecord;
import io.omnipulse.profile.domain.IdentityNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
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
 * Interactive queries on the stores of {@link ProfileTopology}. Each key lives on exactly one
 * instance; this bean says whether that is this one and, if so, what the store holds.
 */
@ApplicationScoped
public class ProfileQueries {

    private final KafkaStreams streams;
    private final HostInfo self;

    @Inject
    public ProfileQueries(KafkaStreams streams,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") Optional<String> applicationServer) {
        this.streams = streams;
        // Without application.server Kafka Streams reports every owner as "unavailable": this instance.
        this.self = applicationServer.map(HostInfo::buildFromEndpoint).orElse(HostInfo.unavailable());
    }

    /** The profile of a customer, or the pointer to the survivor it was merged into. */
    public QueryResult<CustomerRecord> profile(String customerId) {
        return lookup(ProfileTopology.PROFILE_STORE, customerId, (CustomerRecord r) -> r);
    }

    /** The customer id an identifier such as {@code email:ann@example.com} belongs to. */
    public QueryResult<String> customerIdOf(String typedIdentifier) {
        return lookup(ProfileTopology.IDENTIFIER_INDEX_STORE, typedIdentifier,
                (IdentityNode node) -> node.label() == null ? null : node.label().customerId());
    }

    private <S, V> QueryResult<V> lookup(String store, String key, Function<S, V> view) {
        // Only a RUNNING instance has a settled assignment; while rebalancing, ownership may move.
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new StoreNotReadyException("store " + store + " is not queryable while " + streams.state(), null);
        }
        try {
            KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
            if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
                throw new StoreNotReadyException("no owner known yet for a key of store " + store, null);
            }
            HostInfo owner = metadata.activeHost();
            if (!self.equals(owner)) {
                return new QueryResult.FoundElsewhere<>(owner.host(), owner.port());
            }
            ReadOnlyKeyValueStore<String, S> kv = streams.store(StoreQueryParameters
                    .fromNameAndType(store, QueryableStoreTypes.<String, S>keyValueStore())
                    .withPartition(metadata.partition()));
            S stored = kv.get(key);
            V value = stored == null ? null : view.apply(stored);
            return value == null ? new QueryResult.NotFound<>() : new QueryResult.Found<>(value);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new StoreNotReadyException("store " + store + " is not queryable: " + e.getMessage(), e);
        }
    }
}
