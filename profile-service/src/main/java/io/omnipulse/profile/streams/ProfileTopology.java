package io.omnipulse.profile.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.events.Topics;
import io.omnipulse.events.serde.JsonSerde;
import io.omnipulse.profile.config.LoopGuardConfig;
import io.omnipulse.profile.config.ProfileConfig;
import io.omnipulse.profile.domain.CustomerRecord;
import io.omnipulse.profile.domain.ErasureStatus;
import io.omnipulse.profile.domain.IdentifierNormaliser;
import io.omnipulse.profile.domain.IdentityNode;
import io.omnipulse.profile.domain.IdentityRules;
import io.omnipulse.profile.domain.ProfileFolder;
import io.omnipulse.profile.domain.ProfileLimits;
import io.omnipulse.profile.streams.serde.CustomerRecordSerde;
import io.omnipulse.profile.streams.serde.IdentityNodeSerde;
import io.omnipulse.profile.streams.serde.LoopMessageSerde;
import io.omnipulse.security.CustomerIdKey;
import io.omnipulse.streamsupport.ContactEventGate;
import io.omnipulse.streamsupport.ErasureRequestGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Identity resolution and profiles in the stream.
 *
 * <pre>
 * contact-events -> intake --the event's claim, to its strongest identifier--> loop topic,
 *                             or straight to identity when the loop would bring it to this task
 * loop topic -> loop-guard (hop bound; routes each message by its type to the one processor that handles it)
 *   LoopMessage.ToIdentifier:
 *   Claim, Offered, Withdrawn,
 *   Forget                       -> identity  (identifier-index: node per identifier; offers what it reaches
 *                                              to its links via the loop; passes the event's claim on to its
 *                                              next identifier with the labels so far, and the last one
 *                                              resolves it; resolved-event-keys: drops replays)
 *   LoopMessage.ToCustomer:
 *   Fold, MergedInto, Absorb,
 *   Repoint, Revive, Erase       -> profiles  (customer-profiles: folds events, carries out merges; a fold
 *                                              whose profile lives in this task comes straight from identity)
 * out: resolved-events (by customer id), customer-merges (by merged id), identity-audit
 * </pre>
 *
 * Every store is keyed by what the loop topic is keyed by, so the loop's partitioning is the stores'
 * partitioning and any number of instances share the work. An identifier is placed by its own
 * customer id ({@link LoopRouting}), so the strongest identifier of an event is handled on the
 * partition ingest published the event to. The loop is a plain topic of its own
 * (Kafka Streams cannot feed a repartition topic back into its own sub-topology). The grouping of
 * identifiers into customers depends on the set of events only, not on their order or partition:
 * {@link IdentityNode} defines it.
 *
 * <p>The stores but the resolved-event keys are cached: a key updated several times between two
 * commits (a node settling its offers, a profile folding a burst of events)
 * reaches RocksDB and its changelog once per commit instead of once per update. That is safe because
 * every processor reads its own store (reads go through the cache) and none reads a changelog; an
 * exactly-once commit flushes the cache before the transaction commits, so restored state is the
 * committed state. Interactive queries read through the cache as well.
 */
@ApplicationScoped
public class ProfileTopology {

    /** customerId -> {@link CustomerRecord} (live profile, or pointer to the survivor). */
    public static final String PROFILE_STORE = "customer-profiles";
    /** Typed identifier ({@code email:ann@example.com}) -> {@link IdentityNode} with its customer's label. */
    public static final String IDENTIFIER_INDEX_STORE = "identifier-index";
    /** Event dedup key -> wall-clock ms it was resolved, to drop replays for {@link #DEFAULT_REPLAY_RETENTION}. */
    public static final String RESOLVED_KEYS_STORE = "resolved-event-keys";
    /** Erased customer id -> when the erasure was requested (epoch ms): what was ingested before is erased too. */
    public static final String ERASED_STORE = "erased-customers";
    /** Global: an erased identifier's customer id (keyed hash) -> when its erasure was requested (epoch ms). */
    public static final String ERASED_IDENTIFIERS_STORE = "erased-identifiers";
    /** Erasure id -> {@link io.omnipulse.profile.domain.ErasureStatus}, from every service's progress. */
    public static final String ERASURE_STATUS_STORE = "erasure-status";
    /** How long a resolved event's key is remembered; a replay after that is resolved again. */
    public static final Duration DEFAULT_REPLAY_RETENTION = Duration.ofDays(30);
    /** How often expired resolved-event keys are purged. */
    static final Duration REPLAY_PURGE_INTERVAL = Duration.ofHours(1);
    /** What the loop topic's name adds to the application id ({@link #loopTopicOf}). */
    static final String LOOP_TOPIC_SUFFIX = "-identity-loop";
    /**
     * The loop topic of the default application id: the one the catalog provisions
     * ({@code Topics.PROFILE_IDENTITY_LOOP}; LoopTopicTest checks that they agree).
     */
    public static final String DEFAULT_LOOP_TOPIC = Topics.PROFILE_IDENTITY_LOOP.name();

    /**
     * Default bound on a loop message's hops ({@code omnipulse.loop-guard.max-hops}). The longest chains
     * come from offers and withdrawals re-settling a group after a split, bounded by the hop cap
     * {@link io.omnipulse.profile.domain.Reach#MAX_HOPS} per route; LoopQuiescenceTest measures them.
     */
    public static final String DEFAULT_MAX_LOOP_HOPS_TEXT = "128";
    public static final int DEFAULT_MAX_LOOP_HOPS = Integer.parseInt(DEFAULT_MAX_LOOP_HOPS_TEXT);

    static final String INTAKE = "intake";
    static final String LOOP_GUARD = "loop-guard";
    static final String IDENTITY = "identity";
    static final String PROFILES = "profiles";
    static final String LOOP_SINK = "loop-sink";
    static final String AUDIT_SINK = "audit-sink";
    static final String RESOLVED_SINK = "resolved-events-sink";
    static final String MERGES_SINK = "customer-merges-sink";
    static final String PROGRESS_SINK = "erasure-progress-sink";
    static final String ERASURE_INTAKE = "erasure-intake";
    static final String LOOP_FROM_ERASURES = "loop-from-erasures";
    static final String ERASURE_STATUS = "erasure-status-fold";
    static final String ERASED_IDENTIFIERS_SINK = "erased-identifiers-sink";

    // The loop topic and the stores are this service's own: compact, versioned binary formats
    // (io.omnipulse.profile.streams.serde). Public topics keep the wire catalog's JSON serdes. A change
    // of a store format needs a new application id (quarkus.kafka-streams.application-id).
    public static final Serde<LoopMessage> LOOP_SERDE = new LoopMessageSerde();
    public static final Serde<CustomerRecord> RECORD_SERDE = new CustomerRecordSerde();
    public static final Serde<IdentityNode> NODE_SERDE = new IdentityNodeSerde();
    /** Few and small (one per erasure): JSON. */
    public static final Serde<ErasureStatus> STATUS_SERDE = new JsonSerde<>(ErasureStatus.class);
    private static final Serde<String> STRING = Serdes.String();

    private final ProfileLimits limits;
    private final IdentityRules rules;
    private final String loopTopic;
    private final Duration replayRetention;
    private final ProfileMetrics metrics;
    private final int maxLoopHops;
    private boolean suppressErasedIdentifiers;

    /** The service's topology: {@code customerIdKey} is set before any customer id is computed. */
    @Inject
    public ProfileTopology(ProfileConfig config, LoopGuardConfig guard, MeterRegistry registry,
            CustomerIdKey customerIdKey,
            @ConfigProperty(name = "quarkus.kafka-streams.application-id") String applicationId) {
        this(config.limits(), config.identityRules(), loopTopicOf(applicationId), config.replayRetention(),
                guard.maxHops(), registry);
        this.suppressErasedIdentifiers = config.erasureSuppressIdentifiers();
    }

    /** This topology, dropping every later event that carries an erased identifier (the suppression list). */
    public ProfileTopology suppressingErasedIdentifiers() {
        this.suppressErasedIdentifiers = true;
        return this;
    }

    public ProfileTopology(ProfileLimits limits, MeterRegistry registry) {
        this(limits, IdentityRules.DEFAULTS, DEFAULT_LOOP_TOPIC, registry);
    }

    public ProfileTopology(ProfileLimits limits, IdentityRules rules, String loopTopic, MeterRegistry registry) {
        this(limits, rules, loopTopic, DEFAULT_REPLAY_RETENTION, registry);
    }

    public ProfileTopology(ProfileLimits limits, IdentityRules rules, String loopTopic, Duration replayRetention,
            MeterRegistry registry) {
        this(limits, rules, loopTopic, replayRetention, DEFAULT_MAX_LOOP_HOPS, registry);
    }

    public ProfileTopology(ProfileLimits limits, IdentityRules rules, String loopTopic, Duration replayRetention,
            int maxLoopHops, MeterRegistry registry) {
        this.maxLoopHops = maxLoopHops;
        this.limits = limits;
        this.rules = rules;
        this.loopTopic = loopTopic;
        this.replayRetention = replayRetention;
        this.metrics = new ProfileMetrics(registry);
        metrics.loopGuardTripped(loopTopic, 0);
    }

    /**
     * The loop topic belongs to one application id: a new id rebuilds every store from the input and
     * sends every loop message again, so it must not also read what the previous id left on its loop
     * (an Absorb applied twice would add the absorbed customer's counts twice).
     */
    public static String loopTopicOf(String applicationId) {
        return applicationId + LOOP_TOPIC_SUFFIX;
    }

    @Produces
    public Topology buildTopology() {
        IdentifierNormaliser normaliser = new IdentifierNormaliser(rules);
        var contacts = Topics.CONTACT_EVENTS;
        var audit = Topics.IDENTITY_AUDIT;
        var resolved = Topics.RESOLVED_EVENTS;
        var merges = Topics.CUSTOMER_MERGES;
        var erasures = Topics.ERASURES;
        var progress = Topics.ERASURE_PROGRESS;
        var erasedIdentifiers = Topics.ERASED_IDENTIFIERS;
        Topology topology = new Topology();

        // One sub-topology: intake hands the claims the loop would bring back to this very task straight
        // to the identity, which does the same with folds for the profiles (LoopRouting). So contact
        // events and the loop share tasks, and the loop topic must have as many partitions as they do.
        LoopRouting routing = new LoopRouting();
        topology.addSource("contact-events", contacts.keySerde().deserializer(),
                        ContactEventGate.gated(contacts.valueSerde().deserializer()), contacts.name())
                .addProcessor(INTAKE, () -> new EventIntake(normaliser, metrics, suppressErasedIdentifiers, routing),
                        "contact-events")
                .addSource("identity-loop", STRING.deserializer(), LOOP_SERDE.deserializer(), loopTopic)
                .addProcessor(LOOP_GUARD, () -> new LoopGuard(loopTopic, maxLoopHops, metrics), "identity-loop")
                .addProcessor(IDENTITY, () -> new IdentityProcessor(rules, metrics, routing, replayRetention,
                        REPLAY_PURGE_INTERVAL), LOOP_GUARD, INTAKE)
                .addProcessor(PROFILES, () -> new ProfileProcessor(new ProfileFolder(limits, normaliser), limits, metrics),
                        LOOP_GUARD, IDENTITY)
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IDENTIFIER_INDEX_STORE),
                        STRING, NODE_SERDE).withCachingEnabled(), IDENTITY)
                // Not cached: every key is an event's, written once and read back only by a replay,
                // so a cache would merely hold each one until the commit writes it anyway.
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RESOLVED_KEYS_STORE),
                        STRING, Serdes.Long()), IDENTITY)
                // Not cached either: a customer's key seldom comes back within a commit interval, so a
                // cache wrote nearly every profile to the changelog anyway (~1 record per event) and
                // added a sorted-map lookup, insert and eviction to each read and write.
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROFILE_STORE),
                        STRING, RECORD_SERDE), PROFILES)
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ERASED_STORE),
                        STRING, Serdes.Long()), PROFILES)
                .addSink(LOOP_SINK, loopTopic, STRING.serializer(), LOOP_SERDE.serializer(), routing,
                        INTAKE, IDENTITY, PROFILES)
                .addSink(AUDIT_SINK, audit.name(), audit.keySerde().serializer(), audit.valueSerde().serializer(),
                        INTAKE, IDENTITY, PROFILES)
                .addSink(RESOLVED_SINK, resolved.name(), resolved.keySerde().serializer(),
                        resolved.valueSerde().serializer(), IDENTITY)
                .addSink(MERGES_SINK, merges.name(), merges.keySerde().serializer(), merges.valueSerde().serializer(),
                        PROFILES)
                .addSink(PROGRESS_SINK, progress.name(), progress.keySerde().serializer(),
                        progress.valueSerde().serializer(), PROFILES, IDENTITY)
                .addSink(ERASED_IDENTIFIERS_SINK, erasedIdentifiers.name(), erasedIdentifiers.keySerde().serializer(),
                        erasedIdentifiers.valueSerde().serializer(), IDENTITY);
        // Every instance checks every event's identifiers against all erased ones, whichever partition
        // forgot them: a global store, restored from its topic as it is (its processor only copies).
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ERASED_IDENTIFIERS_STORE),
                        STRING, Serdes.Long()).withLoggingDisabled(), "erased-identifiers",
                erasedIdentifiers.keySerde().deserializer(), erasedIdentifiers.valueSerde().deserializer(),
                erasedIdentifiers.name(), "erased-identifiers-copy", () -> new StoreCopy<>(ERASED_IDENTIFIERS_STORE));

        // Erasures enter the loop at the customer's key; their progress, from every service, is folded by erasure id.
        topology.addSource("erasures", erasures.keySerde().deserializer(),
                        ErasureRequestGate.gated(erasures.valueSerde().deserializer()), erasures.name())
                .addProcessor(ERASURE_INTAKE, ErasureIntake::new, "erasures")
                .addSink(LOOP_FROM_ERASURES, loopTopic, STRING.serializer(), LOOP_SERDE.serializer(), routing,
                        ERASURE_INTAKE);
        topology.addSource("erasure-progress", progress.keySerde().deserializer(), progress.valueSerde().deserializer(),
                        progress.name())
                .addProcessor(ERASURE_STATUS, ErasureStatusProcessor::new, "erasure-progress")
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ERASURE_STATUS_STORE),
                        STRING, STATUS_SERDE), ERASURE_STATUS);
        return topology;
    }
}
