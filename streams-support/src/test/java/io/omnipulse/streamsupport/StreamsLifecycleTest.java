package io.omnipulse.streamsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;

class StreamsLifecycleTest {

    @Test
    void aDeadStreamThreadIsReplacedAndCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StreamThreadReplacement replacement = new StreamThreadReplacement(registry);

        assertThat(replacement.handle(new IllegalStateException("boom")))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(registry.get("omnipulse.streams.threads.replaced").counter().count()).isEqualTo(1.0);
    }

    @Test
    void shutdownClosesTheClientWithinTheConfiguredTime() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "shutdown-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()));
        KafkaStreams streams = new KafkaStreams(builder.build(), config);

        StreamsShutdown shutdown = new StreamsShutdown(streams, new StreamsSupportConfig() {
            @Override
            public int maxRecordBytes() {
                return 1_000_000;
            }

            @Override
            public Duration closeTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration stopTimeout() {
                return Duration.ofSeconds(15);
            }
        });
        shutdown.close(null);
        // As the container does once shutdown is past the observers: the JVM goes on, and is not halted.
        shutdown.disarm();

        assertThat(streams.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("omnipulse-shutdown-watchdog")));
    }
}
