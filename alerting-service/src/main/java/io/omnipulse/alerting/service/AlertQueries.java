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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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

    /**
     * The alert with its context and its latest {@code entries} triggers and history entries, all as of
     * one moment. PostgreSQL's default isolation (read committed) gives each statement its own snapshot,
     * so a merge folding another alert into this one could commit between the read of the alert and that
     * of its triggers, and the detail showed a trigger count that its triggers contradicted. A new
     * repeatable-read transaction reads all four from the snapshot of its first statement.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Detail> detailOf(long id, int entries) {
        // Must be the transaction's first statement, hence the new transaction.
        alerts.getEntityManager().createNativeQuery("set transaction isolation level repeatable read, read only")
                .executeUpdate();
        return find(id).map(alert -> new Detail(alert, contextOf(id).orElse(null), latestTriggersOf(id, entries),
                latestHistoryOf(id, entries)));
    }

    /** The current team of each of these alerts, by id (null: no team); an id with no alert is absent. */
    public Map<Long, String> teamsOf(Collection<Long> alertIds) {
        return alerts.teamsOf(alertIds);
    }

    // The latest triggers, latest history and context are read only as parts of detailOf, in its
    // snapshot: read on their own, they need not agree with the alert read beside them.

    /** The alert's latest {@code count} triggers, in event-time order, and whether it has earlier ones. */
    private Slice<AlertTrigger> latestTriggersOf(long alertId, int count) {
        return Slice.latest(triggers.latestFor(alertId, count + 1), count);
    }

    /** Page {@code page} of {@code size} of the alert's triggers, in event-time order. */
    public Slice<AlertTrigger> triggersOf(long alertId, int page, int size) {
        return Slice.page(triggers.listFor(alertId, page * size, size + 1), size);
    }

    /** The alert's latest {@code count} history entries, oldest first, and whether it has earlier ones. */
    private Slice<AlertAudit> latestHistoryOf(long alertId, int count) {
        return Slice.latest(audit.latestFor(alertId, count + 1), count);
    }

    /** Page {@code page} of {@code size} of the alert's history, oldest first. */
    public Slice<AlertAudit> historyOf(long alertId, int page, int size) {
        return Slice.page(audit.listFor(alertId, page * size, size + 1), size);
    }

    /** The customer's journey and scores as fetched for the alert, if any part arrived or failed. */
    private Optional<ContextSnapshot> contextOf(long alertId) {
        return contexts.find(alertId);
    }

    public List<NotificationDelivery> deliveriesOf(long alertId) {
        return deliveries.listFor(alertId);
    }

    /** One alert as its detail shows it; context is null until some of it arrived or failed. */
    public record Detail(Alert alert, ContextSnapshot context, Slice<AlertTrigger> triggers,
            Slice<AlertAudit> history) {
    }

    /**
     * Part of a list that can grow without bound (an alert's triggers and history: a team's NPS drop
     * gains a trigger with each pair of score updates while it lasts), and whether the list goes on
     * beyond it ({@code more}: earlier items for the latest ones, later items for a page).
     */
    public record Slice<T>(List<T> items, boolean more) {

        /** From the latest {@code count + 1} items, the latest first: the latest {@code count}, oldest first. */
        static <T> Slice<T> latest(List<T> latestFirst, int count) {
            List<T> oldestFirst = new ArrayList<>(latestFirst.subList(0, Math.min(count, latestFirst.size())));
            Collections.reverse(oldestFirst);
            return new Slice<>(oldestFirst, latestFirst.size() > count);
        }

        /** From up to {@code size + 1} items read from a page's start: the page. */
        static <T> Slice<T> page(List<T> read, int size) {
            return read.size() > size ? new Slice<>(read.subList(0, size), true) : new Slice<>(read, false);
        }

        /** The same part of the list, each item as {@code view} shows it. */
        public <V> Slice<V> map(Function<T, V> view) {
            return new Slice<>(items.stream().map(view).toList(), more);
        }
    }

    /** Items of one page and how many match: all of them when {@code exact}, else at least {@code total}. */
    public record Page<T>(List<T> items, long total, boolean exact) {
    }
}
