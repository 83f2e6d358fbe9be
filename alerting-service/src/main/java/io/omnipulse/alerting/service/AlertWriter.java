package io.omnipulse.alerting.service;

import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.domain.AlertStatus;
import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.alerting.persistence.AlertRepository;
import io.omnipulse.alerting.persistence.AlertTrigger;
import io.omnipulse.alerting.persistence.AlertTriggerRepository;
import io.omnipulse.alerting.persistence.InteractionContext;
import io.omnipulse.alerting.persistence.TriggerContext;
import io.omnipulse.alerting.persistence.WriteLookup;
import io.omnipulse.events.AlertRaised;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Opens an alert or attaches a trigger to the subject's unresolved one, inside the caller's
 * transaction, with the trigger row (the idempotency key), the audit row and the outbox row. A
 * customer merged before is written under its survivor (WriteLookup.Found#subject).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AlertWriter {

    static final String SYSTEM = "system";

    private static final Logger LOG = Logger.getLogger(AlertWriter.class);

    @Inject
    AlertRepository alerts;

    @Inject
    AlertTriggerRepository triggers;

    @Inject
    WriteLookup lookup;

    @Inject
    AlertJournal journal;

    @Inject
    DeadlinePolicy deadlines;

    @Inject
    ContextEnricher enricher;

    @Inject
    Clock clock;

    Outcome apply(Signal signal) {
        TriggerContext trigger = signal.trigger();
        WriteLookup.Found found = lookup.find(trigger, signal.scope(), signal.key(), signal.decision().cause());
        if (found.duplicate()) {
            LOG.debugf("trigger %s/%s was already stored; ignoring the replay", trigger.source(), trigger.eventId());
            return Outcome.DUPLICATE;
        }
        Instant now = clock.instant();
        Alert alert;
        Outcome outcome;
        if (found.unresolvedAlertId() != null) {
            alert = alerts.findById(found.unresolvedAlertId());
            AlertSeverity before = alert.severity;
            alert.attach(signal.decision().severity(), trigger);
            alert.reason = signal.decision().reason();
            addContext(alert, signal, found);
            deadlines.apply(alert);
            String raised = alert.severity != before ? "; severity " + before + " -> " + alert.severity : "";
            journal.audit(alert.id, now, SYSTEM, "TRIGGERED", alert.status, alert.status,
                    trigger.source() + "/" + trigger.eventId() + raised);
            outcome = Outcome.ATTACHED;
        } else {
            alert = Alert.open(signal.scope(), found.subject(), signal.decision().cause(),
                    signal.decision().severity(), trigger, now);
            alert.reason = signal.decision().reason();
            addContext(alert, signal, found);
            deadlines.apply(alert);
            // The journey and scores are fetched after commit (ContextEnricher), never in this transaction.
            alert.contextStatus = enricher.initialStatus(alert.scope);
            alert.contextDueAt = now;
            alerts.persist(alert);
            journal.record(raised(alert, trigger, now), SYSTEM, "OPENED", null, AlertStatus.OPEN, alert.reason);
            outcome = Outcome.OPENED;
        }
        triggers.persist(AlertTrigger.of(alert, trigger, now));
        // Flush here so a constraint or version conflict is thrown from this call, not at commit.
        alerts.flush();
        LOG.infof("%s alert %d (%s, %s) for %s %s by %s/%s", outcome == Outcome.OPENED ? "opened" : "fed",
                alert.id, alert.cause, alert.severity, alert.scope, alert.customerId, trigger.source(),
                trigger.eventId());
        return outcome;
    }

    /**
     * The interaction the answer rates (else the customer's latest contact) and routing: the team
     * that owns the customer's latest contact, else the team named on the answer.
     */
    private static void addContext(Alert alert, Signal signal, WriteLookup.Found found) {
        if (signal.scope() != AlertScope.CUSTOMER) {
            return;
        }
        Optional<InteractionContext> latest = found.latestContact();
        found.ratedConversation().or(() -> latest).ifPresent(i -> {
            alert.ratedChannel = i.channel();
            alert.ratedAgentId = i.agentId();
            alert.ratedTeam = i.team();
            alert.ratedTransfers = i.transfers();
            alert.ratedWaitSeconds = i.waitSeconds();
            alert.ratedAt = i.occurredAt();
        });
        String owner = latest.map(InteractionContext::team).orElse(null);
        if (owner != null) {
            alert.team = owner;
        } else if (alert.team == null) {
            alert.team = signal.trigger().team();
        }
    }

    private static AlertRaised raised(Alert alert, TriggerContext trigger, Instant now) {
        return new AlertRaised(alert.id, alert.scope.name().toLowerCase(Locale.ROOT), alert.customerId,
                alert.cause.name(), alert.severity.name(), alert.team, alert.reason, trigger.source(),
                trigger.eventId(), trigger.occurredAt(), now);
    }
}
