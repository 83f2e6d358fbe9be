package io.omnipulse.alerting.domain;

import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.AlertMoved;
import io.omnipulse.events.AlertRaised;
import io.omnipulse.events.AlertResolved;
import java.time.Instant;

/**
 * What is left of a customer's data once they were erased: the marker that replaces their customer
 * id, the word that replaces a text written about them, and the alert events as they may still be
 * published or delivered. Pure functions, no database.
 */
public final class Erasure {

    /** What a text about an erased customer (comment, note, audit detail) reads afterwards. */
    public static final String ERASED_TEXT = "[erased]";
    /** Prefix of the marker that stands for an erased customer id. */
    public static final String MARKER_PREFIX = "erased:";

    private Erasure() {
    }

    /**
     * The customer id of an erased customer's alerts: it names the erasure, not the person, and is the
     * same on all of them, so the KPIs still see one customer.
     */
    public static String marker(String erasureId) {
        return MARKER_PREFIX + erasureId;
    }

    /**
     * Whether an event of an erased customer belongs to what was erased: it was ingested before the
     * request (in flight or replayed). Without an ingest time its event time decides: an event that
     * happened after the request cannot have been ingested before it, one that happened before may
     * have been, and is left out rather than bring the person back.
     */
    public static boolean coveredBy(Instant requestedAt, Instant ingestedAt, Instant occurredAt) {
        Instant at = ingestedAt != null ? ingestedAt : occurredAt;
        return at == null || at.isBefore(requestedAt);
    }

    /**
     * The event without what names or quotes the customer: the customer id becomes {@code marker},
     * the triggering event's id (source systems' ids may embed identifiers) and every free text
     * (resolution note, the merge that moved the alert) go. Who acted, when, the cause, severity,
     * team, outcome and the rule's reason stay.
     */
    public static AlertEvent redact(AlertEvent event, String marker) {
        if (event instanceof AlertRaised r) {
            boolean customer = AlertScope.CUSTOMER.name().equalsIgnoreCase(r.scope());
            return new AlertRaised(r.alertId(), r.scope(), customer ? marker : r.key(), r.cause(), r.severity(),
                    r.team(), r.reason(), r.triggerSource(), null, r.occurredAt(), r.at());
        }
        if (event instanceof AlertResolved r) {
            return new AlertResolved(r.alertId(), r.outcome(), r.note() == null ? null : ERASED_TEXT, r.actor(), r.at());
        }
        if (event instanceof AlertMoved m) {
            return new AlertMoved(m.alertId(), marker, marker, m.reason() == null ? null : ERASED_TEXT, m.actor(),
                    m.at());
        }
        // Acknowledged, assigned, escalated: staff and deadlines only.
        return event;
    }
}
