package io.omnipulse.alerting.service;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertContact;
import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.domain.AlertStatus;
import io.omnipulse.alerting.domain.OngoingDrop;
import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.alerting.persistence.AlertContacts;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;
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
    AlertContacts contacts;

    @Inject
    Clock clock;

    @Inject
    OngoingDrop ongoingDrop;

    /** One signal on its own: written and flushed here, so a conflict is thrown from this call. */
    Outcome apply(Signal signal) {
        Batch batch = new Batch();
        Outcome outcome = apply(signal, lookUp(List.of(signal)).get(0), batch);
        flush(batch);
        return outcome;
    }

    /**
     * Writes what a batch's signals did: its deferred rows, the flush, then what its triggers told about
     * reaching the customers of alerts they fed (AlertContacts: after the flush, so that an alert the
     * batch opened is in the table).
     */
    void flush(Batch batch) {
        batch.writeRows();
        // Flush here so a constraint or version conflict is thrown from this call, not at commit.
        alerts.flush();
        contacts.apply(batch.contacts);
        batch.contacts.clear();
    }

    /**
     * What the database knows about each of {@code signals} (WriteLookup#findAll, one query), in their
     * order; the unresolved alerts they will feed are loaded too, in one more query, so that
     * {@link #apply(Signal, WriteLookup.Found, Batch)} finds them in the session.
     */
    List<WriteLookup.Found> lookUp(List<Signal> signals) {
        List<WriteLookup.Key> keys = new ArrayList<>(signals.size());
        for (Signal signal : signals) {
            keys.add(new WriteLookup.Key(signal.trigger(), signal.scope(), signal.key(), signal.decision().cause()));
        }
        List<WriteLookup.Found> found = lookup.findAll(keys);
        List<Long> open = found.stream().map(WriteLookup.Found::unresolvedAlertId).filter(Objects::nonNull)
                .distinct().toList();
        if (!open.isEmpty()) {
            // Entities already in the session are taken from it; nothing pending is flushed.
            alerts.getEntityManager().unwrap(Session.class).findMultiple(Alert.class, open);
        }
        return found;
    }

    /**
     * One signal of a polled batch, in the caller's transaction, with what {@link #lookUp} found for it
     * (before any signal of the batch was written). Nothing is flushed: the batch
     * remembers the alerts it opened or fed and the triggers it stored, so a later signal of the same
     * batch sees them (one open alert per subject and cause; a repeated trigger is a duplicate) even
     * though their rows are not in the database yet. {@link Batch#writeRows} must be called once
     * after the last signal; the rows then go out as JDBC batches at the flush. A unique key that a
     * concurrent writer took first still fails the flush, and with it the batch.
     */
    Outcome apply(Signal signal, WriteLookup.Found found, Batch batch) {
        TriggerContext trigger = signal.trigger();
        if (batch.triggers.contains(Batch.triggerKey(trigger))) {
            LOG.debugf("trigger %s/%s was already stored; ignoring the replay", trigger.source(), trigger.eventId());
            return Outcome.DUPLICATE;
        }
        if (found.duplicate()) {
            LOG.debugf("trigger %s/%s was already stored; ignoring the replay", trigger.source(), trigger.eventId());
            return Outcome.DUPLICATE;
        }
        String subjectKey = signal.scope() + "|" + found.subject() + "|" + signal.decision().cause();
        Instant now = clock.instant();
        Alert alert = batch.alerts.get(subjectKey);
        if (alert == null && found.unresolvedAlertId() != null) {
            alert = alerts.findById(found.unresolvedAlertId());
        }
        if (repeatsAKnownDrop(signal, alert, found)) {
            return Outcome.UNCHANGED;
        }
        batch.triggers.add(Batch.triggerKey(trigger));
        Outcome outcome;
        if (alert != null) {
            AlertSeverity before = alert.severity;
            boolean latest = alert.attach(signal.decision().severity(), trigger);
            alert.reason = signal.decision().reason();
            addContext(alert, signal, found);
            deadlines.apply(alert);
            if (alert.scope == AlertScope.CUSTOMER) {
                batch.contacts.add(new AlertContacts.Change(alert.id, seen(alert, trigger), latest));
            }
            String raised = alert.severity != before ? "; severity " + before + " -> " + alert.severity : "";
            Alert fed = alert;
            AlertStatus status = alert.status;
            batch.rows.add(() -> journal.audit(fed.id, now, SYSTEM, "TRIGGERED", status, status,
                    trigger.source() + "/" + trigger.eventId() + raised));
            outcome = Outcome.ATTACHED;
        } else {
            alert = Alert.open(signal.scope(), found.subject(), signal.decision().cause(),
                    signal.decision().severity(), trigger, now);
            alert.reason = signal.decision().reason();
            addContext(alert, signal, found);
            deadlines.apply(alert);
            if (alert.scope == AlertScope.CUSTOMER) {
                alert.initContact(seen(alert, trigger));
            }
            // The journey and scores are fetched after commit (ContextEnricher), never in this transaction.
            alert.contextStatus = enricher.initialStatus(alert.scope);
            alert.contextDueAt = now;
            alerts.persist(alert);
            Alert opened = alert;
            // Built now: the event carries the alert as this trigger opened it.
            AlertRaised event = raised(alert, trigger, now);
            String reason = alert.reason;
            batch.rows.add(() -> journal.record(event, SYSTEM, "OPENED", null, AlertStatus.OPEN, reason));
            outcome = Outcome.OPENED;
        }
        batch.alerts.put(subjectKey, alert);
        Alert owner = alert;
        batch.triggerRows.add(() -> triggers.persist(AlertTrigger.of(owner, trigger, now)));
        // DEBUG: one line per detractor was a flood in a storm (and 3.7 % of the service's CPU in the storm
        // bench, JFR); omnipulse_alerting_alerts_opened_total and _triggers_attached_total count them,
        // and the alert's audit trail says which event opened or fed it.
        LOG.debugf("%s alert %d (%s, %s) for %s %s by %s/%s", outcome == Outcome.OPENED ? "opened" : "fed",
                alert.id, alert.cause, alert.severity, alert.scope, alert.customerId, trigger.source(),
                trigger.eventId());
        return outcome;
    }

    /**
     * What one transaction's signals wrote so far. The rows that refer to an alert (trigger, audit,
     * outbox, deliveries) are persisted after all of the batch's alerts, table by table, so that
     * Hibernate's ordered inserts send each table's rows as one JDBC batch and never a row before
     * the alert it refers to. The contacts that triggers bring to alerts already opened are written
     * after the flush ({@link AlertWriter#flush}).
     */
    static final class Batch {
        final java.util.Map<String, Alert> alerts = new java.util.HashMap<>();
        final java.util.Set<String> triggers = new java.util.HashSet<>();
        final java.util.List<Runnable> triggerRows = new java.util.ArrayList<>();
        final java.util.List<Runnable> rows = new java.util.ArrayList<>();
        final java.util.List<AlertContacts.Change> contacts = new java.util.ArrayList<>();

        static String triggerKey(TriggerContext trigger) {
            return trigger.source() + "\u0000" + trigger.eventId();
        }

        /** Persists the deferred rows: all triggers, then the journal's rows in signal order. */
        void writeRows() {
            triggerRows.forEach(Runnable::run);
            triggerRows.clear();
            rows.forEach(Runnable::run);
            rows.clear();
        }
    }

    /**
     * Whether the signal is a team's or channel's NPS drop that tells nothing new (OngoingDrop): not to
     * its unresolved alert ({@code unresolved}), or, when there is none, not after the one a lead
     * resolved last.
     */
    private boolean repeatsAKnownDrop(Signal signal, Alert unresolved, WriteLookup.Found found) {
        if (signal.decision().cause() != AlertCause.NPS_DROP) {
            return false;
        }
        OngoingDrop.Observation observed = new OngoingDrop.Observation(signal.decision().severity(),
                signal.trigger().score(), signal.trigger().occurredAt());
        if (unresolved != null) {
            OngoingDrop.Observation shown = new OngoingDrop.Observation(unresolved.severity, unresolved.score,
                    unresolved.lastTriggeredAt);
            return !ongoingDrop.isNews(shown, observed);
        }
        return found.resolvedDrop().map(resolved -> !ongoingDrop.reopens(resolved, observed)).orElse(false);
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

    /**
     * What a trigger of a customer alert tells about reaching the customer: the identifiers it carried,
     * and the channel of the newer of the trigger and the interaction the alert now rates.
     */
    private static AlertContact seen(Alert alert, TriggerContext trigger) {
        return AlertContact.of(trigger.customer(), trigger.channel(), trigger.occurredAt())
                .withNewerChannel(alert.ratedChannel, alert.ratedAt);
    }

    private static AlertRaised raised(Alert alert, TriggerContext trigger, Instant now) {
        return new AlertRaised(alert.id, alert.scope.name().toLowerCase(Locale.ROOT), alert.customerId,
                alert.cause.name(), alert.severity.name(), alert.team, alert.reason, trigger.source(),
                trigger.eventId(), trigger.occurredAt(), now);
    }
}
