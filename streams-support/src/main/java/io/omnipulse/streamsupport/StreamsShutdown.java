package io.omnipulse.streamsupport;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.jboss.logging.Logger;

/**
 * Bounds shutdown on SIGTERM. Closes Kafka Streams within {@link StreamsSupportConfig#closeTimeout()}:
 * the Quarkus extension closes it on the same event with {@code close()}, which waits without limit;
 * this observer runs first (lower priority value), so the extension then finds it closed and returns
 * at once. If the bound is exceeded (a broker that does not answer), the extension's close still waits
 * for the stream threads, whose consumers' closes wait up to 30 s each; so a watchdog armed when shutdown
 * begins halts the process at {@link StreamsSupportConfig#stopTimeout()}, before a supervisor's SIGKILL.
 * A shutdown that gets as far as destroying the beans disarms it: the application may stop without the
 * JVM exiting (a test run restarting Quarkus), and must not be halted later.
 */
@Singleton
public class StreamsShutdown {

    private static final Logger LOG = Logger.getLogger(StreamsShutdown.class);
    /** Exit status of a halted shutdown: not 0, since it did not end cleanly. */
    static final int HALTED = 1;

    private final KafkaStreams streams;
    private final StreamsSupportConfig config;
    private Thread watchdog;

    public StreamsShutdown(KafkaStreams streams, StreamsSupportConfig config) {
        this.streams = streams;
        this.config = config;
    }

    void close(@Observes @Priority(1000) ShutdownEvent event) {
        armHalt(config.stopTimeout());
        if (!streams.close(config.closeTimeout())) {
            LOG.errorf("Kafka Streams did not close within %s (state %s); the process halts at %s after SIGTERM"
                    + " if its clients are still closing then", config.closeTimeout(), streams.state(), config.stopTimeout());
        }
    }

    @PreDestroy
    synchronized void disarm() {
        if (watchdog != null) {
            watchdog.interrupt();
            watchdog = null;
        }
    }

    /** A daemon thread: when the JVM exits before it wakes up, it goes with it. */
    private synchronized void armHalt(Duration after) {
        watchdog = new Thread(() -> {
            try {
                Thread.sleep(after.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            LOG.errorf("Shutdown still running %s after SIGTERM: halting (status %d); under exactly-once the broker"
                    + " aborts the open transaction and the state is restored from the changelogs", after, HALTED);
            Runtime.getRuntime().halt(HALTED);
        }, "omnipulse-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
