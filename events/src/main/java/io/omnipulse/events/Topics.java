package io.omnipulse.events;

import io.omnipulse.events.serde.AlertEventSerde;
import io.omnipulse.events.serde.ContactEventSerde;
import io.omnipulse.events.serde.CustomersMergedSerde;
import io.omnipulse.events.serde.EffortIndexUpdatedSerde;
import io.omnipulse.events.serde.ErasureProgressSerde;
import io.omnipulse.events.serde.ErasureRequestedSerde;
import io.omnipulse.events.serde.IdentityConflictSerde;
import io.omnipulse.events.serde.ScoreUpdatedSerde;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic OmniPulse publishes, with its key and value serde. Services and tests take names
 * and serdes from here and nowhere else. Names carry a version so a breaking change gets a new topic.
 */
public final class Topics {

    /**
     * Six partitions: enough to spread load over up to six instances of each service. Every topic has the
     * same count (the streams services join them by partition). What deploy/topics.sh creates; a stack on
     * one machine creates fewer, since each partition costs work at every commit whether used or not.
     */
    public static final int DEFAULT_PARTITIONS = 6;

    private static final Serde<String> STRING = Serdes.String();

    /**
     * Kept for ever: ids and times only, no personal data (the erasure register and its progress, which
     * a rebuilt service applies again).
     */
    public static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1");
    /**
     * Latest value per key is all a reader needs (score windows, effort index): compacted, and compacted
     * within a day of a change, so that a tombstone (an erased customer's) replaces the older values
     * within {@code max.compaction.lag.ms} plus {@code delete.retention.ms}, not whenever the cleaner
     * happens to run.
     */
    public static final Map<String, String> LATEST_PER_KEY = Map.of("cleanup.policy", "compact",
            "max.compaction.lag.ms", Long.toString(24L * 3600 * 1000), "delete.retention.ms", Long.toString(24L * 3600 * 1000));
    /**
     * 30 days, for every topic whose records carry a customer's identifiers or words: an erased
     * customer's copies there are gone within the month art. 12(3) GDPR allows. Stores are restored from
     * their own changelogs, not from these; what a new application id can rebuild is the last 30 days.
     */
    public static final Map<String, String> THIRTY_DAYS = Map.of("retention.ms", Long.toString(30L * 24 * 3600 * 1000));

    /** Validated contacts and survey answers from ingest, keyed by {@link CustomerKeys#customerId}. */
    public static final Topic<String, ContactEvent> CONTACT_EVENTS =
            new Topic<>("cx.contact-events.v1", STRING, new ContactEventSerde(), DEFAULT_PARTITIONS, THIRTY_DAYS);

    /** The same events after identity resolution, keyed by the resolved (surviving) customer id. */
    public static final Topic<String, ContactEvent> RESOLVED_EVENTS =
            new Topic<>("cx.resolved-events.v1", STRING, new ContactEventSerde(), DEFAULT_PARTITIONS, THIRTY_DAYS);

    /** Customer merges, keyed by the merged (absorbed) customer id. */
    public static final Topic<String, CustomersMerged> CUSTOMER_MERGES =
            new Topic<>("cx.customer-merges.v1", STRING, new CustomersMergedSerde(), DEFAULT_PARTITIONS, THIRTY_DAYS);

    /**
     * Merges identity resolution refused (crmId conflicts, junk or shared identifiers), for audit; it
     * names identifiers, so it is kept as long as the raw topics.
     */
    public static final Topic<String, IdentityConflict> IDENTITY_AUDIT =
            new Topic<>("cx.identity-audit.v1", STRING, new IdentityConflictSerde(), DEFAULT_PARTITIONS, THIRTY_DAYS);

    /** Score changes per scope and window, keyed by {@code scope:key:window}. */
    public static final Topic<String, ScoreUpdated> SCORE_UPDATES =
            new Topic<>("cx.score-updates.v1", STRING, new ScoreUpdatedSerde(), DEFAULT_PARTITIONS, LATEST_PER_KEY);

    /** Behavioural effort index changes, keyed by customer id. */
    public static final Topic<String, EffortIndexUpdated> EFFORT_INDEX =
            new Topic<>("cx.effort-index.v1", STRING, new EffortIndexUpdatedSerde(), DEFAULT_PARTITIONS, LATEST_PER_KEY);

    /** Alert lifecycle steps (raised, acknowledged, assigned, escalated, resolved), keyed by alert id. */
    public static final Topic<String, AlertEvent> ALERT_EVENTS =
            new Topic<>("cx.alert-events.v1", STRING, new AlertEventSerde(), DEFAULT_PARTITIONS, THIRTY_DAYS);

    /**
     * Records a service could not deserialize, process or produce, with their original key and value
     * bytes and the {@link DeadLetters} headers (service, source topic, partition, offset, error); one
     * topic for every service, so operators list and replay them in one place.
     */
    public static final Topic<byte[], byte[]> DEAD_LETTERS =
            new Topic<>("cx.dead-letters.v1", Serdes.ByteArray(), Serdes.ByteArray(), DEFAULT_PARTITIONS, THIRTY_DAYS);

    /**
     * Requests to forget a customer, keyed by customer id (co-partitioned with every customer-keyed
     * store). Kept for ever: it holds ids only, and a service rebuilt from its input applies them again.
     */
    public static final Topic<String, ErasureRequested> ERASURES =
            new Topic<>("cx.erasures.v1", STRING, new ErasureRequestedSerde(), DEFAULT_PARTITIONS, KEEP_FOREVER);

    /** Each erasure's progress (request accepted, each service done), keyed by erasure id; ids and times only. */
    public static final Topic<String, ErasureProgress> ERASURE_PROGRESS =
            new Topic<>("cx.erasure-progress.v1", STRING, new ErasureProgressSerde(), DEFAULT_PARTITIONS, KEEP_FOREVER);

    /**
     * Identifiers of erased customers, each as the customer id it maps to (a keyed hash, never the value)
     * with when its erasure was requested (epoch ms): what profile-service checks every event's
     * identifiers against, to drop copies from before the erasure and, if configured, later ones too.
     * Compacted: one entry per identifier, the latest erasure's.
     */
    public static final Topic<String, Long> ERASED_IDENTIFIERS =
            new Topic<>("cx.erased-identifiers.v1", STRING, Serdes.Long(), DEFAULT_PARTITIONS, LATEST_PER_KEY);

    public static final List<Topic<?, ?>> ALL = List.of(CONTACT_EVENTS, RESOLVED_EVENTS, CUSTOMER_MERGES,
            IDENTITY_AUDIT, SCORE_UPDATES, EFFORT_INDEX, ALERT_EVENTS, DEAD_LETTERS, ERASURES, ERASURE_PROGRESS,
            ERASED_IDENTIFIERS);

    /**
     * profile-service's identity-resolution loop: claims, label offers and merges travel through it
     * back into the same sub-topology (Kafka Streams cannot loop through a repartition topic). It shares
     * tasks with the contact events, so it has as many partitions. Named after profile's application id
     * (omnipulse-profile-v6), and renamed with it: a new id rebuilds its state from the input and sends
     * every loop message again; reading what the old id left on its loop as well would apply those twice.
     */
    public static final InternalTopic PROFILE_IDENTITY_LOOP =
            new InternalTopic("omnipulse-profile-v6-identity-loop", "profile-service", DEFAULT_PARTITIONS);

    /**
     * scoring-service's merge folding: a merged customer's state travels to its survivor's partition.
     * Named after scoring's application id (omnipulse-scoring-v9), and renamed with it: a new id rebuilds
     * its state from the input, merges included, and so sends every fold again; reading the folds the
     * old id sent as well would fold them in twice.
     */
    public static final InternalTopic SCORING_MERGE_FOLDS =
            new InternalTopic("omnipulse-scoring-v9-merge-folds", "scoring-service", DEFAULT_PARTITIONS);

    public static final List<InternalTopic> INTERNAL = List.of(PROFILE_IDENTITY_LOOP, SCORING_MERGE_FOLDS);

    private Topics() {
    }
}
