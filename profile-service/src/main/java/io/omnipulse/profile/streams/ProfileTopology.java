package io.omnipulse.profile.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Topic;
import io.omnipulse.events.Topics;
import io.omnipulse.events.serde.JsonSerde;
import io.omnipulse.profile.config.ProfileConfig;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.ProfileFolder;
import io.omnipulse.profile.domain.ProfileLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Contact events in, two queryable stores out: the profile of each customer, and an index from
 * every identifier a customer used to their customer id.
 */
@ApplicationScoped
public class ProfileTopology {

    /** customerId -> {@link CustomerProfile}. */
    public static final String PROFILE_STORE = "customer-profiles";
    /** Typed identifier ({@code email:ann@example.com}) -> customerId. */
    public static final String IDENTIFIER_INDEX_STORE = "identifier-index";
    /** Name of the re-keying by identifier; the topic is {@code <application-id>-identifiers-by-value-repartition}. */
    public static final String IDENTIFIER_REPARTITION = "identifiers-by-value";

    public static final Serde<CustomerProfile> PROFILE_SERDE = new JsonSerde<>(CustomerProfile.class);
    private static final Serde<String> STRING = Serdes.String();

    private final ProfileFolder folder;
    private final Counter folded;
    private final Counter duplicates;
    private final Counter unusable;

    @Inject
    public ProfileTopology(ProfileConfig config, MeterRegistry registry) {
        this(config.limits(), registry);
    }

    public ProfileTopology(ProfileLimits limits, MeterRegistry registry) {
        this.folder = new ProfileFolder(limits);
        // Counted when the aggregator runs: after a crash under exactly-once the store is rolled
        // back but a counter is not, so these can run slightly ahead of the stores.
        this.folded = registry.counter("omnipulse.profile.events.folded");
        this.duplicates = registry.counter("omnipulse.profile.events.ignored", "reason", "duplicate");
        this.unusable = registry.counter("omnipulse.profile.events.ignored", "reason", "unusable");
    }

    @Produces
    public Topology buildTopology() {
        Topic<String, ContactEvent> topic = Topics.CONTACT_EVENTS;
        StreamsBuilder builder = new StreamsBuilder();

        KStream<String, ContactEvent> events = builder
                .stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName("contact-events"))
                .filter(this::usable, Named.as("usable-events"));

        events.groupByKey(Grouped.with("events-by-customer", STRING, topic.valueSerde()))
                .aggregate(() -> CustomerProfile.empty(null), this::fold, Named.as("fold-into-profile"),
                        Materialized.<String, CustomerProfile, KeyValueStore<Bytes, byte[]>>as(PROFILE_STORE)
                                .withKeySerde(STRING)
                                .withValueSerde(PROFILE_SERDE));

        events.flatMap(ProfileTopology::identifierLinks, Named.as("identifiers-of-event"))
                .repartition(Repartitioned.with(STRING, STRING).withName(IDENTIFIER_REPARTITION))
                .toTable(Named.as("identifier-index-table"),
                        Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(IDENTIFIER_INDEX_STORE)
                                .withKeySerde(STRING)
                                .withValueSerde(STRING));

        return builder.build();
    }

    /** Records keyed by nobody cannot be placed in a profile; they are counted, not fatal. */
    private boolean usable(String customerId, ContactEvent event) {
        boolean usable = customerId != null && !customerId.isBlank() && ProfileFolder.canFold(event);
        if (!usable) {
            unusable.increment();
        }
        return usable;
    }

    private CustomerProfile fold(String customerId, ContactEvent event, CustomerProfile profile) {
        CustomerProfile next = folder.fold(customerId, profile, event);
        (next == profile ? duplicates : folded).increment();
        return next;
    }

    /** One index entry per identifier in the event, each pointing at the event's customer. */
    private static List<KeyValue<String, String>> identifierLinks(String customerId, ContactEvent event) {
        return CustomerKeys.identifiers(event.customer()).stream()
                .map(identifier -> KeyValue.pair(identifier, customerId))
                .toList();
    }
}
