package io.omnipulse.scoring.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topics;
import io.omnipulse.scoring.config.EffortConfig;
import io.omnipulse.scoring.config.ScoringConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The scoring topology on a TopologyTestDriver (no broker), with its own state dir and meters. */
final class ScoringDriver implements AutoCloseable {

    record Config(Duration dedupRetention, Duration dedupPurgeInterval, Duration grace, Duration bucketPurgeInterval,
            Duration attributionHorizon, Duration historyRetention, int historyMaxInteractions,
            Duration forwardTimeout, int retryAfterSeconds) implements ScoringConfig {
    }

    record Effort(Duration horizon, Duration repeatWindow, int repeatPoints, int switchPoints, int transferPoints,
            Duration longWait, int longWaitPoints, int abandonedPoints, int reopenedPoints) implements EffortConfig {
    }

    /** The documented default weights (application.properties, EffortConfig). */
    static final Effort EFFORT = new Effort(Duration.ofDays(7), Duration.ofHours(48), 15, 15, 10, Duration.ofMinutes(10),
            10, 15, 20);

    static final Config DEFAULTS = new Config(Duration.ofDays(30), Duration.ofHours(1), Duration.ofDays(7),
            Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(30), 50, Duration.ofSeconds(2), 2);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TestInputTopic<String, ContactEvent> input;
    final TestOutputTopic<String, ScoreUpdated> output;
    final TestOutputTopic<String, EffortIndexUpdated> effort;

    ScoringDriver() {
        this(DEFAULTS, Events.T0);
    }

    ScoringDriver(ScoringConfig config, Instant wallClock) {
        this(config, wallClock, true);
    }

    ScoringDriver(ScoringConfig config, Instant wallClock, boolean inMemory) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-test-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            Path stateDir = Files.createDirectories(Path.of("target", "ttd-state")).resolve(UUID.randomUUID().toString());
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(new ScoringTopology(config, EFFORT, new ScoringMetrics(meters), inMemory).topology(), props,
                wallClock);
        input = driver.createInputTopic(Topics.CONTACT_EVENTS.name(), Topics.CONTACT_EVENTS.keySerde().serializer(),
                Topics.CONTACT_EVENTS.valueSerde().serializer());
        output = driver.createOutputTopic(Topics.SCORE_UPDATES.name(),
                Topics.SCORE_UPDATES.keySerde().deserializer(), Topics.SCORE_UPDATES.valueSerde().deserializer());
        effort = driver.createOutputTopic(Topics.EFFORT_INDEX.name(), Topics.EFFORT_INDEX.keySerde().deserializer(),
                Topics.EFFORT_INDEX.valueSerde().deserializer());
    }

    void send(ContactEvent... events) {
        for (ContactEvent e : events) {
            input.pipeInput(Events.keyOf(e), e);
        }
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
