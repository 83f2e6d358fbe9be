package io.omnipulse.alerting.service;

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
import io.quarkus.hibernate.orm.panache.PanacheQuery;
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

    public AlertQueries(AlertRepository alerts, AlertTriggerRepository triggers, AlertAuditRepository audit,
            NotificationDeliveryRepository deliveries, AlertContextStore contexts) {
        this.contexts = contexts;
        this.alerts = alerts;
        this.triggers = triggers;
        this.audit = audit;
        this.deliveries = deliveries;
    }

    /** One page of the queue with the total count of matching alerts. */
    public Page<Alert> search(AlertFilter filter, int page, int size) {
        PanacheQuery<Alert> query = alerts.search(filter).page(page, size);
        return new Page<>(query.list(), query.count());
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

    /** Items of one page and how many match in all. */
    public record Page<T>(List<T> items, long total) {
    }
}
