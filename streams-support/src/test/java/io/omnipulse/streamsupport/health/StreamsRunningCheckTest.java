package io.omnipulse.streamsupport.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class StreamsRunningCheckTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StreamsStateTracker tracker = new StreamsStateTracker(registry);
    private final StreamsRunningCheck check = new StreamsRunningCheck(tracker);

    @Test
    void aClientNotYetStartedAndThenClosedIsNotReady() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "readiness-test");
        // Never contacted: the client is created and closed without being started.
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()));
        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            streams.setStateListener(tracker);
            assertThat(check.call().getStatus()).isEqualTo(Status.DOWN);
            assertThat(check.call().getData().orElseThrow()).containsEntry("state", "CREATED");

            streams.close(Duration.ofSeconds(10));
            assertThat(check.call().getStatus()).isEqualTo(Status.DOWN);
            // The listener hears NOT_RUNNING from the closing thread, possibly just after close returned.
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(check.call().getData().orElseThrow()).containsEntry("state", "NOT_RUNNING"));
            assertThat(check.call().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void readyWhileRunningAndInALaterRebalanceButNotInTheFirstOne() {
        tracker.onChange(State.REBALANCING, State.CREATED);
        assertThat(check.call().getStatus()).isEqualTo(Status.DOWN);
        tracker.onChange(State.RUNNING, State.REBALANCING);
        assertThat(check.call().getStatus()).isEqualTo(Status.UP);
        assertThat(registry.get("omnipulse.streams.running").gauge().value()).isEqualTo(1.0);
        tracker.onChange(State.REBALANCING, State.RUNNING);
        assertThat(check.call().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void errorAndShutdownAreNotReady() {
        tracker.onChange(State.RUNNING, State.REBALANCING);
        tracker.onChange(State.PENDING_ERROR, State.RUNNING);
        assertThat(check.call().getStatus()).isEqualTo(Status.DOWN);
        tracker.onChange(State.ERROR, State.PENDING_ERROR);
        assertThat(check.call().getStatus()).isEqualTo(Status.DOWN);
        assertThat(registry.get("omnipulse.streams.running").gauge().value()).isZero();
        tracker.onChange(State.PENDING_SHUTDOWN, State.RUNNING);
        assertThat(check.call().getStatus()).isEqualTo(Status.DOWN);
    }
}
