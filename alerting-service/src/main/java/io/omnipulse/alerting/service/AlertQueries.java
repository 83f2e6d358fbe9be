package io.omnipulse.alerting.service;

import io.omnipulse.alerting.config.AlertingConfig;
import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.alerting.persistence.AlertContextStore;
import io.omnipulse.alerting.persistence.ContextSnapshot;
import io.omnipulse.alerting.persistence.AlertAudit;
import io.omnipulse.alerting.persistence.AlertAuditRepository;
import io.omnipulse.alerting.persistence.AlertFilter;
import io.omnipulse.alerting.persistence.AlertRepository;
import io.omnipulse.alerting.persistence.AlertTrigger;
import io.omnipulse.alerting.persistence.AlertTriggerRepository;
import io.omnipulse.alerting.persistence.NotificationDelivery;
import io.omnipulse.alerting.persistence.NotificationDeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads alerts back for the API. */
@ApplicationScoped
@Transactional
public class AlertQueries {

    private final AlertRepository alerts;
    private final AlertTriggerRepository triggers;
    private final AlertAuditRepository audit;
    private final NotificationDeliveryRepository deliveries;
    private final AlertContextStore contexts;
    private final int countAhead;

    public AlertQueries(AlertRepository alerts, AlertTriggerRepository triggers, AlertAuditRepository audit,
            NotificationDeliveryRepository deliveries, AlertContextStore contexts, AlertingConfig config) {
        this.countAhead = config.queue().countAhead();
        this.contexts = contexts;
        this.alerts = alerts;
        this.triggers = triggers;
        this.audit = audit;
        this.deliveries = deliveries;
    }

    /**
     * One page of the queue and how many alerts match: exactly, up to {@code queue.count-ahead} past the
     * page's first item; beyond that the total is that bound and marked as not exact. An exact count
     * of every match would read the whole backlog on each refresh of the queue, and the backlog is
     * largest exactly when leads need the queue fast (a detractor storm). A page that is not full
     * needs no count at all: it is the last one.
     */
    public Page<Alert> search(AlertFilter filter, int page, int size) {
        List<Alert> items = alerts.search(filter).page(page, size).list();
        long first = (long) page * size;
        if (items.size() < size && (page == 0 || !items.isEmpty())) {
            return new Page<>(items, first + items.size(), true);
        }
        // page x size is below Integer.MAX_VALUE (the resource bounds the page); the bound may pass it.
        long bound = Math.min(first + Math.max(size, countAhead), Integer.MAX_VALUE - 1);
        long counted = alerts.countUpTo(filter, (int) bound + 1);
        return counted > bound ? new Page<>(items, bound, false) : new Page<>(items, counted, true);
    }

    public Optional<Alert> find(long id) {
        return alerts.findByIdOptional(id);
    }

    /** The current team of each of these alerts, by id (null: no team); an id with no alert is absent. */
    public Map<Long, String> teamsOf(Collection<Long> alertIds) {
        return alerts.teamsOf(alertIds);
    }

    public List<AlertTrigger> triggersOf(long alertId) {
        return triggers.listFor(alertId);
    }

    public List<AlertAudit> historyOf(long alertId) {
        return audit.listFor(alertId);
    }

    /** The customer's journey and scores as fetched for the alert, if any part arrived or failed. */
    public Optional<ContextSnapshot> contextOf(long alertId) {
        return contexts.find(alertId);
    }

    public List<NotificationDelivery> deliveriesOf(long alertId) {
        return deliveries.listFor(alertId);
    }

    /** Items of one page and how many match: all of them when {@code exact}, else at least {@code total}. */
    public record Page<T>(List<T> items, long total, boolean exact) {
    }
}
