package io.omnipulse.streamsupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

/**
 * A stream thread that dies anyway (an error no handler covers) is replaced instead of leaving the client
 * in ERROR, where it would sit without processing. Kafka Streams' default is SHUTDOWN_CLIENT; the Quarkus
 * extension installs the {@code StreamsUncaughtExceptionHandler} bean it finds. The new thread resumes from
 * the last commit; counted in {@code omnipulse_streams_threads_replaced_total}, which should stay at 0.
 */
@Singleton
public class StreamThreadReplacement implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(StreamThreadReplacement.class);

    private final Counter replaced;

    public StreamThreadReplacement(MeterRegistry registry) {
        this.replaced = Counter.builder("omnipulse.streams.threads.replaced")
                .description("Kafka Streams threads that died on an uncaught exception and were replaced")
                .register(registry);
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        replaced.increment();
        LOG.error("A Kafka Streams thread died; replacing it", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
