package io.omnipulse.scoring.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topic;
import io.omnipulse.events.Topics;
import io.omnipulse.events.serde.JsonSerde;
import io.omnipulse.scoring.config.EffortConfig;
import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.EffortFormula;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.RecentInteractions;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Contact events in, scores per scope and window out: answers and interactions -> each event once
 * -> answers attributed to the interaction they rate (per customer) -> one record per scope key
 * (repartitioned by scope key) -> day buckets and all-time tallies -> {@link ScoreUpdated}.
 */
@Singleton
public class ScoringTopology {

    /** The input. Switching to resolved customer ids (Topics.RESOLVED_EVENTS) is this one line. */
    public static final Topic<String, ContactEvent> SOURCE = Topics.CONTACT_EVENTS;

    /** Event ids already counted ({@code source/eventId} -> wall-clock millis first seen). */
    public static final String SEEN_EVENTS_STORE = "seen-events";
    /** Event-time clock of each input partition (one entry, latest occurredAt seen). */
    public static final String EVENT_CLOCK_STORE = "event-clock";
    /** Recent interactions per customer ({@link RecentInteractions}), to attribute answers. */
    public static final String RECENT_INTERACTIONS_STORE = "recent-interactions";
    /** All-time tally, late count and clock per scope key ({@code scope|key} -> {@link ScopeTotals}). */
    public static final String TALLIES_STORE = "score-tallies";
    /** One tally per scope key and UTC day ({@code scope|key#epochDay} -> {@link ScoreTally}). */
    public static final String BUCKETS_STORE = "score-buckets";
    /** Event-time clock of each scope-key partition. */
    public static final String SCORE_CLOCK_STORE = "score-clock";
    /** Name of the repartition by scope key (topic {@code <application-id>-responses-by-scope-repartition}). */
    public static final String BY_SCOPE = "responses-by-scope";
    /** Effort index, drivers, latest channel and team and CES answers per customer ({@link EffortState}). */
    public static final String EFFORT_STORE = "customer-effort";
    /** Effort index over customers per scope key ({@code global|all}, {@code channel|call}, {@code team|x}). */
    public static final String EFFORT_AGGREGATES_STORE = "effort-aggregates";
    /** Name of the repartition of effort changes by scope key. */
    public static final String EFFORT_BY_SCOPE = "effort-by-scope";

    static final Serde<ScoredResponse> RESPONSE_SERDE = new JsonSerde<>(ScoredResponse.class);
    static final Serde<ScopeTotals> TOTALS_SERDE = new JsonSerde<>(ScopeTotals.class);
    static final Serde<RecentInteractions> HISTORY_SERDE = new JsonSerde<>(RecentInteractions.class);
    static final Serde<ScoreTally> BUCKET_SERDE = new TallySerde();
    static final Serde<EffortState> EFFORT_SERDE = new JsonSerde<>(EffortState.class);
    static final Serde<EffortAggregate> EFFORT_SUM_SERDE = new JsonSerde<>(EffortAggregate.class);

    private final ScoringConfig config;
    private final EffortConfig effort;
    private final ScoringMetrics metrics;
    private final boolean inMemory;

    @Inject
    public ScoringTopology(ScoringConfig config, EffortConfig effort, ScoringMetrics metrics) {
        this(config, effort, metrics, false);
    }

    /** {@code inMemory}: in-memory stores, for TopologyTestDriver tests (RocksDB flushes on every commit there). */
    ScoringTopology(ScoringConfig config, EffortConfig effort, ScoringMetrics metrics, boolean inMemory) {
        this.config = config;
        this.effort = effort;
        this.metrics = metrics;
        this.inMemory = inMemory;
    }

    @Produces
    public Topology topology() {
        Topic<String, ScoreUpdated> out = Topics.SCORE_UPDATES;
        StreamsBuilder builder = new StreamsBuilder();
        store(builder, SEEN_EVENTS_STORE, Serdes.Long());
        store(builder, EVENT_CLOCK_STORE, Serdes.Long());
        store(builder, RECENT_INTERACTIONS_STORE, HISTORY_SERDE);
        store(builder, TALLIES_STORE, TOTALS_SERDE);
        store(builder, BUCKETS_STORE, BUCKET_SERDE);
        store(builder, SCORE_CLOCK_STORE, Serdes.Long());
        store(builder, EFFORT_STORE, EFFORT_SERDE);
        store(builder, EFFORT_AGGREGATES_STORE, EFFORT_SUM_SERDE);

        KStream<String, Attributed> attributed = builder
                .stream(SOURCE.name(), Consumed.with(SOURCE.keySerde(), SOURCE.valueSerde()).withName("contact-events"))
                .filter((customer, event) -> customer != null && isCountable(event), Named.as("answers-and-interactions"))
                .processValues(() -> new DropDuplicates(SEEN_EVENTS_STORE, config.dedupRetention(),
                        config.dedupPurgeInterval(), metrics), Named.as("drop-duplicates"), SEEN_EVENTS_STORE)
                .processValues(() -> new AttributeToInteraction(config, metrics), Named.as("attribute-to-interaction"),
                        EVENT_CLOCK_STORE, RECENT_INTERACTIONS_STORE);
        attributed.filter((customer, a) -> a.event().isFeedback(), Named.as("responses-only"))
                // One response becomes one record per scope it counts in. Every response also lands on
                // the one key global|all, hence on one partition; fine at survey-answer rates, and the
                // place to pre-aggregate per partition if it ever is not.
                .flatMap((customer, a) -> ScopeKey.of(customer, a.event()).stream()
                        .map(scope -> KeyValue.pair(scope.format(), new ScoredResponse(a.event().feedback(),
                                a.event().occurredAt().toEpochMilli(), a.late())))
                        .toList(), Named.as("fan-out-to-scopes"))
                .repartition(Repartitioned.with(Serdes.String(), RESPONSE_SERDE).withName(BY_SCOPE))
                .process(() -> new TallyWindows(config), Named.as("tally-windows"),
                        SCORE_CLOCK_STORE, TALLIES_STORE, BUCKETS_STORE)
                .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("score-updates"));
        effort(attributed);
        return builder.build();
    }

    /**
     * Per customer: the effort index from their recent interactions, published when it changes; and
     * each change taken out of and into the per-scope aggregates (repartitioned by scope key).
     */
    private void effort(KStream<String, Attributed> attributed) {
        Topic<String, EffortIndexUpdated> indexes = Topics.EFFORT_INDEX;
        EffortFormula formula = new EffortFormula(effort);
        KStream<String, EffortChange> changes = attributed
                .filter((customer, a) -> !a.event().isFeedback() || a.event().feedback().metric() == Metric.CES,
                        Named.as("interactions-and-ces"))
                .processValues(() -> new TrackEffort(formula), Named.as("track-effort"), EFFORT_STORE,
                        RECENT_INTERACTIONS_STORE);
        changes.filter((customer, change) -> change.after().indexDiffers(change.before()), Named.as("index-changed"))
                .map((customer, change) -> KeyValue.pair(customer, new EffortIndexUpdated(customer,
                        change.after().index(), change.after().drivers(), Instant.ofEpochMilli(change.after().updatedAt()))),
                        Named.as("to-effort-index-updated"))
                .to(indexes.name(), Produced.with(indexes.keySerde(), indexes.valueSerde()).withName("effort-index"));
        changes.flatMap((customer, change) -> change.deltas(), Named.as("effort-deltas-by-scope"))
                .repartition(Repartitioned.with(Serdes.String(), EFFORT_SUM_SERDE).withName(EFFORT_BY_SCOPE))
                .process(SumEffort::new, Named.as("sum-effort"), EFFORT_AGGREGATES_STORE);
    }

    private <V> void store(StreamsBuilder builder, String name, Serde<V> values) {
        KeyValueBytesStoreSupplier supplier = inMemory
                ? Stores.inMemoryKeyValueStore(name)
                : Stores.persistentKeyValueStore(name);
        builder.addStateStore(Stores.keyValueStoreBuilder(supplier, Serdes.String(), values));
    }

    /**
     * An interaction, or a response with a score on its scale, with an id to deduplicate by and an
     * event time. Answers off their scale or without an id cannot be counted exactly once; they are
     * counted as rejected, never silently lost. Skipped answers are not responses.
     */
    private boolean isCountable(ContactEvent event) {
        if (event == null || event.occurredAt() == null) {
            return false;
        }
        boolean identified = event.eventId() != null && event.source() != null;
        if (event.type() == EventType.INTERACTION) {
            return identified;
        }
        FeedbackDetails feedback = event.feedback();
        if (!event.isFeedback()) {
            return false;
        }
        if (ScoreTally.isInvalidAnswer(feedback) || (!identified && feedback.answered())) {
            metrics.answerRejected();
            return false;
        }
        return identified && ScoreTally.isResponse(feedback);
    }
}
