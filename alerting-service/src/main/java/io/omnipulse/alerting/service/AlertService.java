package io.omnipulse.alerting.service;

import io.omnipulse.alerting.domain.AlertDecision;
import io.omnipulse.alerting.domain.AlertRule;
import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.alerting.persistence.AlertFilter;
import io.omnipulse.alerting.persistence.AlertRepository;
import io.omnipulse.alerting.persistence.AlertTrigger;
import io.omnipulse.alerting.persistence.AlertTriggerRepository;
import io.omnipulse.alerting.persistence.TriggerContext;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import io.quarkus.arc.All;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Opens and feeds alerts, and reads them back. Every public method is one transaction, so the
 * idempotency key (the trigger row) is written atomically with the alert it changes.
 */
@ApplicationScoped
@Transactional
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    @Inject
    AlertRepository alerts;

    @Inject
    AlertTriggerRepository triggers;

    @Inject
    @All
    List<AlertRule> rules;

    /**
     * Applies the rules to one event. A unique-key violation (a concurrent writer stored the same
     * event or opened the same alert first) surfaces from the final flush as a
     * PersistenceException and rolls this transaction back; the caller decides whether to retry.
     */
    public Outcome handle(ContactEvent event) {
        Optional<AlertDecision> decision = decide(event);
        if (decision.isEmpty()) {
            return Outcome.IGNORED;
        }
        String customerId = CustomerKeys.customerId(event.customer());
        if (customerId == null || event.source() == null || event.eventId() == null) {
            LOG.warnf("ignoring alert-worthy event %s: it names no customer or has no idempotency key",
                    event.dedupKey());
            return Outcome.IGNORED;
        }
        if (triggers.exists(event.source(), event.eventId())) {
            LOG.debugf("event %s was already stored; ignoring the replay", event.dedupKey());
            return Outcome.DUPLICATE;
        }
        Instant now = Instant.now();
        TriggerContext context = TriggerContext.of(event, now);
        AlertDecision verdict = decision.get();
        Optional<Alert> existing = alerts.findUnresolved(customerId, verdict.cause());
        Alert alert;
        Outcome outcome;
        if (existing.isPresent()) {
            alert = existing.get();
            alert.attach(verdict.severity(), context);
            outcome = Outcome.ATTACHED;
        } else {
            alert = Alert.open(customerId, verdict.cause(), verdict.severity(), context, now);
            alerts.persist(alert);
            outcome = Outcome.OPENED;
        }
        triggers.persist(AlertTrigger.of(alert, context, now));
        // Flush here so a constraint or version conflict is thrown from this call, not at commit.
        alerts.flush();
        LOG.infof("%s alert %d (%s, %s) for %s by event %s", outcome == Outcome.OPENED ? "opened" : "fed",
                alert.id, alert.cause, alert.severity, customerId, event.dedupKey());
        return outcome;
    }

    /** One page of the queue with the total count of matching alerts. */
    public Page<Alert> search(AlertFilter filter, int page, int size) {
        PanacheQuery<Alert> query = alerts.search(filter).page(page, size);
        return new Page<>(query.list(), query.count());
    }

    public Optional<Alert> find(long id) {
        return alerts.findByIdOptional(id);
    }

    public List<AlertTrigger> triggersOf(long alertId) {
        return triggers.listFor(alertId);
    }

    private Optional<AlertDecision> decide(ContactEvent event) {
        // Each event carries one answer, so at most one rule can fire; the first verdict wins.
        return rules.stream().map(rule -> rule.evaluate(event)).flatMap(Optional::stream).findFirst();
    }

    /** Items of one page and how many match in all. */
    public record Page<T>(List<T> items, long total) {
    }
}
