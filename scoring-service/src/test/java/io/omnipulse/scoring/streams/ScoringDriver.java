package io.omnipulse.scoring.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.ErasureProgress;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topics;
import io.omnipulse.scoring.config.EffortConfig;
import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.config.WindowsConfig;
import io.omnipulse.scoring.domain.CustomerState;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.streamsupport.deadletter.DeadLetterDeserializationHandler;
import io.omnipulse.streamsupport.deadletter.DeadLetterProcessingHandler;
import io.omnipulse.streamsupport.deadletter.DeadLetterProductionHandler;
import io.omnipulse.streamsupport.deadletter.DeadLetterSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;

/** The scoring topology on a TopologyTestDriver (no broker), with its own state dir and meters. */
final class ScoringDriver implements AutoCloseable {

    record Config(Duration dedupRetention, Duration dedupPurgeInterval, Duration grace, Duration bucketPurgeInterval,
            Duration attributionHorizon, Duration historyRetention, int historyMaxInteractions,
            Duration mergeRetention, Duration forwardTimeout, int retryAfterSeconds) implements ScoringConfig {
    }

    record Windows(Duration rolloverCheckInterval) implements WindowsConfig {
    }

    record Effort(Duration horizon, Duration repeatWindow, int repeatPoints, int switchPoints, int transferPoints,
            Duration longWait, int longWaitPoints, int abandonedPoints, int reopenedPoints) implements EffortConfig {
    }

    /** The documented default weights (application.properties, EffortConfig). */
    static final Effort EFFORT = new Effort(Duration.ofDays(7), Duration.ofHours(48), 15, 15, 10, Duration.ofMinutes(10),
            10, 15, 20);

    /** The roll-over is checked every minute of wall-clock time, as by default. */
    static final Windows WINDOWS = new Windows(Duration.ofMinutes(1));

    static final Config DEFAULTS = new Config(Duration.ofDays(30), Duration.ofHours(1), Duration.ofDays(7),
            Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(30), 50, Duration.ofDays(90), Duration.ofSeconds(2), 2);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TestInputTopic<String, ContactEvent> input;
    final TestInputTopic<String, CustomersMerged> merges;
    final TestOutputTopic<String, ScoreUpdated> output;
    final TestOutputTopic<String, EffortIndexUpdated> effort;
    final TestInputTopic<String, ErasureRequested> erasures;
    final TestOutputTopic<String, ErasureProgress> progress;

    ScoringDriver() {
        this(DEFAULTS, Events.T0);
    }

    ScoringDriver(ScoringConfig config, Instant wallClock) {
        this(config, wallClock, true);
    }

    ScoringDriver(ScoringConfig config, Instant wallClock, boolean inMemory) {
        this(config, wallClock, inMemory, new Properties());
    }

    /**
     * A driver that, like the service with its dead-letter handler, drops a record whose processing
     * threw and goes on with the next one.
     */
    static ScoringDriver continuingAfterErrors() {
        Properties props = new Properties();
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                "org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler");
        return new ScoringDriver(DEFAULTS, Events.T0, true, props);
    }

    /** A driver with the service's dead-letter handlers (cx.dead-letters.v1), as application.properties sets them. */
    static ScoringDriver withDeadLetters() {
        Properties props = new Properties();
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        props.put(DeadLetterSettings.SERVICE, "scoring-service");
        return new ScoringDriver(DEFAULTS, Events.T0, true, props);
    }

    ScoringDriver(ScoringConfig config, Instant wallClock, boolean inMemory, Properties extra) {
        Properties props = new Properties();
        props.putAll(extra);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-test-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            Path stateDir = Files.createDirectories(Path.of("target", "ttd-state")).resolve(UUID.randomUUID().toString());
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(new ScoringTopology(config, WINDOWS, EFFORT, new ScoringMetrics(meters), inMemory).topology(), props,
                wallClock);
        input = driver.createInputTopic(ScoringTopology.SOURCE.name(), ScoringTopology.SOURCE.keySerde().serializer(),
                ScoringTopology.SOURCE.valueSerde().serializer());
        merges = driver.createInputTopic(ScoringTopology.MERGES.name(), ScoringTopology.MERGES.keySerde().serializer(),
                ScoringTopology.MERGES.valueSerde().serializer());
        output = driver.createOutputTopic(Topics.SCORE_UPDATES.name(),
                Topics.SCORE_UPDATES.keySerde().deserializer(), Topics.SCORE_UPDATES.valueSerde().deserializer());
        effort = driver.createOutputTopic(Topics.EFFORT_INDEX.name(), Topics.EFFORT_INDEX.keySerde().deserializer(),
                Topics.EFFORT_INDEX.valueSerde().deserializer());
        erasures = driver.createInputTopic(ScoringTopology.ERASURES.name(),
                ScoringTopology.ERASURES.keySerde().serializer(), ScoringTopology.ERASURES.valueSerde().serializer());
        progress = driver.createOutputTopic(ScoringTopology.ERASURE_PROGRESS.name(),
                ScoringTopology.ERASURE_PROGRESS.keySerde().deserializer(),
                ScoringTopology.ERASURE_PROGRESS.valueSerde().deserializer());
    }

    /** Events keyed by their own customer id, as resolved before any merge. */
    /** A customer's one store entry, null when there is none. */
    CustomerState customerOf(String customerId) {
        return driver.<String, CustomerState>getKeyValueStore(ScoringTopology.CUSTOMERS_STORE).get(customerId);
    }

    /** A customer's effort state as effort queries read it: null when they have none. */
    EffortState effortOf(String customerId) {
        CustomerState state = customerOf(customerId);
        return state == null ? null : state.effortOrNull();
    }

    /** Every customer's effort state, of those who have one. */
    Map<String, EffortState> efforts() {
        Map<String, EffortState> all = new TreeMap<>();
        try (KeyValueIterator<String, CustomerState> entries = driver.<String, CustomerState>getKeyValueStore(
                ScoringTopology.CUSTOMERS_STORE).all()) {
            entries.forEachRemaining(entry -> {
                if (entry.value.effortOrNull() != null) {
                    all.put(entry.key, entry.value.effortOrNull());
                }
            });
        }
        return all;
    }

    /** A scope key's all-time totals ({@code scope|key}), null when it has none. */
    ScopeTotals totals(String scopeKey) {
        return driver.<String, ScopeTotals>getKeyValueStore(ScoringTopology.talliesOf(scopeKey).totals()).get(scopeKey);
    }

    /** A scope key's tally of one day, null when it has none. */
    ScoreTally bucket(String scopeKey, long day) {
        return driver.<String, ScoreTally>getKeyValueStore(ScoringTopology.talliesOf(scopeKey).buckets())
                .get(TallyWindows.bucketKey(scopeKey, day));
    }

    /** Every scope key's totals, customers' and shared, as stored. */
    Map<String, ScopeTotals> allTotals() {
        Map<String, ScopeTotals> all = new TreeMap<>();
        for (TallyWindows.Stores stores : ScoringTopology.TALLY_STAGES) {
            try (KeyValueIterator<String, ScopeTotals> it = driver.<String, ScopeTotals>getKeyValueStore(stores.totals()).all()) {
                it.forEachRemaining(kv -> all.put(kv.key, kv.value));
            }
        }
        return all;
    }

    /** The keys of every day bucket, customers' and shared ({@code scope|key#day}), sorted. */
    List<String> bucketKeys() {
        List<String> keys = new ArrayList<>();
        for (TallyWindows.Stores stores : ScoringTopology.TALLY_STAGES) {
            try (KeyValueIterator<String, ScoreTally> it = driver.<String, ScoreTally>getKeyValueStore(stores.buckets()).all()) {
                it.forEachRemaining(kv -> keys.add(kv.key));
            }
        }
        Collections.sort(keys);
        return keys;
    }

    void send(ContactEvent... events) {
        for (ContactEvent e : events) {
            input.pipeInput(Events.keyOf(e), e);
        }
    }

    /** One event keyed by the customer id identity resolution gave it. */
    void send(String customerId, ContactEvent event) {
        input.pipeInput(customerId, event);
    }

    /** profile-service's word that {@code mergedId} folds into {@code survivorId}, keyed by the merged id. */
    void merge(String survivorId, String mergedId) {
        merges.pipeInput(mergedId, new CustomersMerged(survivorId, mergedId, "helpdesk", "link-" + mergedId,
                List.of(), Events.T0, Events.T0));
    }

    /** profile-service's merge of {@code mergedId} into {@code survivorId}, made at {@code mergedAt}. */
    void merge(String survivorId, String mergedId, Instant mergedAt) {
        merges.pipeInput(mergedId, new CustomersMerged(survivorId, mergedId, "helpdesk", "link-" + mergedId,
                List.of(), Events.T0, mergedAt));
    }

    /** profile-service's word that {@code id} lives again (a merge into itself), given at {@code at}. */
    void livesAgain(String id, Instant at) {
        merge(id, id, at);
    }

    /** profile-service's request to erase {@code customerId}, accepted at {@code requestedAt}, keyed by the customer. */
    void erase(String erasureId, String customerId, Instant requestedAt) {
        erasures.pipeInput(customerId, new ErasureRequested(erasureId, customerId, requestedAt, "dpo@example.com"));
    }

    /** The latest update per topic key. */
    Map<String, ScoreUpdated> latest() {
        return output.readKeyValuesToMap();
    }

    /** The latest update per topic key of one window and the given scopes. */
    Map<String, ScoreUpdated> latest(String window, String... scopes) {
        Map<String, ScoreUpdated> latest = new java.util.TreeMap<>(latest());
        latest.keySet().removeIf(key -> !key.endsWith(":" + window)
                || java.util.Arrays.stream(scopes).noneMatch(scope -> key.startsWith(scope + ":")));
        return latest;
    }

    double counter(String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Override
    public void close() {
        driver.close();
    }
}
