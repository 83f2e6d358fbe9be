package io.omnipulse.alerting.service;

import io.omnipulse.alerting.domain.AlertAction;
import io.omnipulse.alerting.domain.AlertLifecycle;
import io.omnipulse.alerting.domain.AlertStatus;
import io.omnipulse.alerting.domain.ResolutionOutcome;
import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.alerting.persistence.AlertRepository;
import io.omnipulse.events.AlertAcknowledged;
import io.omnipulse.events.AlertAssigned;
import io.omnipulse.events.AlertEscalated;
import io.omnipulse.events.AlertResolved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The closed loop's steps: acknowledge, assign, resolve, note, and escalation when a deadline
 * passed. Each step is checked by {@link AlertLifecycle}, audited, and (except notes) published
 * through the outbox, all in one transaction.
 */
@ApplicationScoped
@Transactional
public class AlertLifecycleService {

    private static final Logger LOG = Logger.getLogger(AlertLifecycleService.class);

    private final AlertRepository alerts;
    private final AlertJournal journal;
    private final Clock clock;

    public AlertLifecycleService(AlertRepository alerts, AlertJournal journal, Clock clock) {
        this.alerts = alerts;
        this.journal = journal;
        this.clock = clock;
    }

    public Alert acknowledge(long id, String actor) {
        Alert alert = load(id);
        AlertStatus from = alert.status;
        alert.status = AlertLifecycle.next(from, AlertAction.ACKNOWLEDGE);
        Instant now = clock.instant();
        alert.acknowledgedAt = now;
        alert.acknowledgedBy = actor;
        journal.record(new AlertAcknowledged(id, actor, now), actor, "ACKNOWLEDGED", from, alert.status, null);
        return alert;
    }

    public Alert assign(long id, String actor, String assignee) {
        Alert alert = load(id);
        AlertStatus from = alert.status;
        alert.status = AlertLifecycle.next(from, AlertAction.ASSIGN);
        alert.assignee = assignee;
        Instant now = clock.instant();
        journal.record(new AlertAssigned(id, assignee, actor, now), actor, "ASSIGNED", from, alert.status,
                "assignee " + assignee);
        return alert;
    }

    public Alert resolve(long id, String actor, ResolutionOutcome outcome, String note) {
        Alert alert = load(id);
        AlertStatus from = alert.status;
        alert.status = AlertLifecycle.next(from, AlertAction.RESOLVE);
        Instant now = clock.instant();
        alert.resolvedAt = now;
        alert.resolvedBy = actor;
        alert.outcome = outcome;
        alert.resolutionNote = note;
        journal.record(new AlertResolved(id, outcome.name().toLowerCase(java.util.Locale.ROOT), note, actor, now),
                actor, "RESOLVED", from, alert.status, outcome + (note == null ? "" : ": " + note));
        return alert;
    }

    public Alert note(long id, String actor, String text) {
        Alert alert = load(id);
        AlertLifecycle.next(alert.status, AlertAction.NOTE);
        journal.audit(id, clock.instant(), actor, "NOTE", alert.status, alert.status, text);
        // The note changes no column; bumping the version makes concurrent notes serialise like other steps.
        alerts.getEntityManager().lock(alert, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return alert;
    }

    /**
     * Escalates one alert if one of its deadlines passed at {@code now}: status ESCALATED, severity
     * one step up, and a new event that notifies again. Each deadline escalates once.
     */
    public boolean escalateIfDue(long id, Instant now) {
        Alert alert = load(id);
        boolean ack = alert.acknowledgeBreached(now);
        boolean resolve = alert.resolveBreached(now);
        if (!ack && !resolve) {
            return false;
        }
        AlertStatus from = alert.status;
        alert.status = AlertLifecycle.next(from, AlertAction.ESCALATE);
        alert.severity = alert.severity.raised();
        alert.escalatedAt = now;
        alert.acknowledgeEscalated |= ack;
        alert.resolveEscalated |= resolve;
        String reason = (ack ? "not acknowledged by " + alert.acknowledgeDueAt : "not resolved by " + alert.resolveDueAt);
        journal.record(new AlertEscalated(id, alert.severity.name(), reason, now), AlertWriter.SYSTEM, "ESCALATED",
                from, alert.status, reason + "; severity " + alert.severity);
        // DEBUG, as for opened alerts: a storm's alerts come due together. Counted in
        // omnipulse_alerting_alerts_escalated_total; the audit trail keeps the reason.
        LOG.debugf("escalated alert %d: %s", id, reason);
        return true;
    }

    private Alert load(long id) {
        return alerts.findByIdOptional(id).orElseThrow(() -> new NotFoundException("no alert with id " + id));
    }
}
