package io.omnipulse.alerting.lifecycle;

import io.omnipulse.alerting.config.AlertingConfig;
import io.omnipulse.alerting.messaging.Failures;
import io.omnipulse.alerting.messaging.InvalidRecordException;
import io.omnipulse.events.DeadLetters;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

/**
 * Stops taking work before anything closes. Quarkus fires ShutdownEvent before it destroys beans,
 * so the datasource, the Kafka producers and the class loader are all still there: the schedulers
 * are paused, the incoming channels paused, retry waits cut short, and the records and jobs in
 * progress get {@code omnipulse.alerting.consumers.drain-timeout} to finish. Work that ran on after
 * the datasource closed is what produced "after shutdown" errors and nacks, and a worker first
 * loading a class after the class loader closed is the likely cause of the hang seen at shutdown.
 */
@ApplicationScoped
public class GracefulStop {

    private static final Logger LOG = Logger.getLogger(GracefulStop.class);

    private final Scheduler scheduler;
    private final ChannelRegistry channels;
    private final WorkGate gate;
    private final AlertingConfig config;

    public GracefulStop(Scheduler scheduler, ChannelRegistry channels, WorkGate gate, AlertingConfig config) {
        this.scheduler = scheduler;
        this.channels = channels;
        this.gate = gate;
        this.config = config;
    }

    /**
     * Loads at start the classes that only the failure and shutdown paths use, so that none is
     * first loaded by a worker while the application is stopping.
     */
    void warmUp(@Observes StartupEvent event) {
        for (Class<?> type : List.of(DeadLetters.Origin.class, DeadLetters.Stage.class, Failures.class,
                InvalidRecordException.class, RecordHeader.class, SerializationException.class)) {
            type.getName();
        }
        Failures.isTransient(new IllegalStateException("warm-up"));
    }

    void stop(@Observes @Priority(1) ShutdownEvent event) {
        stopTakingWork();
    }

    /**
     * Pauses the schedulers and the channels and waits for the work in progress; answers how many
     * records or jobs were still running when the drain timeout ran out (0 after a clean drain).
     */
    public int stopTakingWork() {
        scheduler.pause();
        for (String channel : channels.getIncomingNames()) {
            PausableChannel pausable = channels.getPausable(channel);
            if (pausable != null) {
                pausable.pause();
            }
        }
        try {
            int left = gate.closeAndDrain(config.consumers().drainTimeout());
            if (left > 0) {
                LOG.warnf("%d records or jobs still running after %s; they are read again after the restart",
                        left, config.consumers().drainTimeout());
            }
            return left;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
