package io.omnipulse.streamsupport;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.jboss.logging.Logger;

/**
 * Closes Kafka Streams within {@link StreamsSupportConfig#closeTimeout()} on SIGTERM. The Quarkus extension
 * closes it on the same event with {@code close()}, which waits without limit; this observer runs first
 * (lower priority value), so the extension then finds it closed and returns at once. If the bound is
 * exceeded, shutdown goes on and the extension's close waits for the stream threads that still run.
 */
@Singleton
public class StreamsShutdown {

    private static final Logger LOG = Logger.getLogger(StreamsShutdown.class);

    private final KafkaStreams streams;
    private final StreamsSupportConfig config;

    public StreamsShutdown(KafkaStreams streams, StreamsSupportConfig config) {
        this.streams = streams;
        this.config = config;
    }

    void close(@Observes @Priority(1000) ShutdownEvent event) {
        if (!streams.close(config.closeTimeout())) {
            LOG.errorf("Kafka Streams did not close within %s (state %s)", config.closeTimeout(), streams.state());
        }
    }
}
