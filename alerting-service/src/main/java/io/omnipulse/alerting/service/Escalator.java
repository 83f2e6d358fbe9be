package io.omnipulse.alerting.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.omnipulse.alerting.persistence.AlertRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.omnipulse.alerting.lifecycle.Drained;
import io.omnipulse.alerting.lifecycle.OutageTolerant;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Escalates alerts whose follow-up deadline passed. The scheduler calls {@link #escalateDue} with
 * the injected clock's time; a test calls it with any instant, so no one waits for an hour.
 */
@ApplicationScoped
public class Escalator {

    static final int BATCH = 100;

    private static final Logger LOG = Logger.getLogger(Escalator.class);

    private final AlertRepository alerts;
    private final AlertLifecycleService lifecycle;
    private final Clock clock;
    private final Counter escalated;

    public Escalator(AlertRepository alerts, AlertLifecycleService lifecycle, Clock clock, MeterRegistry registry) {
        this.alerts = alerts;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.escalated = Counter.builder("omnipulse.alerting.alerts.escalated")
                .description("Alerts escalated because a follow-up deadline passed").register(registry);
    }

    @Drained
    @OutageTolerant
    @Scheduled(identity = "escalate-breached-alerts", every = "${omnipulse.alerting.escalation.every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        escalateDue(clock.instant());
    }

    /** Escalates every alert due at {@code now}; returns how many. One transaction per alert. */
    public int escalateDue(Instant now) {
        int count = 0;
        List<Long> due = QuarkusTransaction.requiringNew().call(
                () -> alerts.dueForEscalation(now, BATCH).stream().map(a -> a.id).toList());
        for (Long id : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> lifecycle.escalateIfDue(id, now))) {
                    escalated.increment();
                    count++;
                }
            } catch (RuntimeException e) {
                // A person changed the alert at the same moment (version conflict); the next run
                // sees the new state and escalates it if it is still due.
                LOG.warnf("could not escalate alert %d now: %s", id, e.toString());
            }
        }
        return count;
    }

}
