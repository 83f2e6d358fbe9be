package io.omnipulse.scoring.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topic;
import io.omnipulse.events.Topics;
import io.omnipulse.events.serde.JsonSerde;
import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScoreTally;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Survey responses in, scores per scope out: contact events -> responses only -> each event once
 * -> one record per scope key (repartitioned by scope key) -> exact tallies -> {@link ScoreUpdated}.
 */
@Singleton
public class ScoringTopology {

    /** Event ids already counted ({@code source/eventId} -> wall-clock millis first seen). */
    public static final String SEEN_EVENTS_STORE = "seen-events";
    /** All-time tally per scope key ({@code scope|key} -> {@link ScoreTally}); queried by the REST API. */
    public static final String TALLIES_STORE = "score-tallies";
    /** Name of the repartition by scope key (topic {@code <application-id>-responses-by-scope-repartition}). */
    public static final String BY_SCOPE = "responses-by-scope";

    static final Serde<FeedbackDetails> FEEDBACK_SERDE = new JsonSerde<>(FeedbackDetails.class);
    static final Serde<ScoreTally> TALLY_SERDE = new JsonSerde<>(ScoreTally.class);

    private final ScoringConfig config;
    private final ScoringMetrics metrics;

    public ScoringTopology(ScoringConfig config, ScoringMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    @Produces
    public Topology topology() {
        Topic<String, ContactEvent> in = Topics.CONTACT_EVENTS;
        Topic<String, ScoreUpdated> out = Topics.SCORE_UPDATES;
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SEEN_EVENTS_STORE), Serdes.String(), Serdes.Long()));

        builder.stream(in.name(), Consumed.with(in.keySerde(), in.valueSerde()).withName("contact-events"))
                .filter((customer, event) -> event != null && event.isFeedback(), Named.as("feedback-only"))
                .filter((customer, event) -> isCountableResponse(event), Named.as("responses-only"))
                .processValues(() -> new DropDuplicates(SEEN_EVENTS_STORE, config.dedupRetention(),
                        config.dedupPurgeInterval(), metrics), Named.as("drop-duplicates"), SEEN_EVENTS_STORE)
                // Deduplicated before the fan-out: one event becomes one record per scope it counts in.
                // Every response also lands on the one key global|all, hence on one partition; fine at
                // survey-answer rates, and the place to pre-aggregate per partition if it ever is not.
                .flatMap((customer, event) -> ScopeKey.of(event).stream()
                        .map(scope -> KeyValue.pair(scope.format(), event.feedback()))
                        .toList(), Named.as("fan-out-to-scopes"))
                .groupByKey(Grouped.with(BY_SCOPE, Serdes.String(), FEEDBACK_SERDE))
                .aggregate(() -> ScoreTally.EMPTY, (scope, feedback, tally) -> tally.add(feedback),
                        Named.as("tally-scores"),
                        Materialized.<String, ScoreTally, KeyValueStore<Bytes, byte[]>>as(TALLIES_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(TALLY_SERDE)
                                // Every change is published, not just the last one per commit.
                                .withCachingDisabled())
                .toStream(Named.as("tally-changes"))
                .process(PublishScoreUpdate::new, Named.as("to-score-updated"))
                .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("score-updates"));
        return builder.build();
    }

    /**
     * A response with a score on its scale and an id to deduplicate by. Answers off their scale or
     * without an id cannot be counted exactly once; they are counted as rejected, never silently lost.
     */
    private boolean isCountableResponse(ContactEvent event) {
        FeedbackDetails feedback = event.feedback();
        boolean identified = event.eventId() != null && event.source() != null;
        if (ScoreTally.isInvalidAnswer(feedback) || (!identified && feedback.answered())) {
            metrics.answerRejected();
            return false;
        }
        return identified && ScoreTally.isResponse(feedback);
    }
}
