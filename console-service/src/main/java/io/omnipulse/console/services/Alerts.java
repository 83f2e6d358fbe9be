package io.omnipulse.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The console's reading of alerting-service's alert API: the fields it shows, nothing more (unknown
 * fields are ignored, so the service may add some without breaking the console).
 */
public final class Alerts {

    private Alerts() {
    }

    /**
     * One page of the queue; {@code total} counts every match when {@code totalExact}, else it is a lower
     * bound (alerting-service stops counting 1,000 past the page).
     */
    public record Page(List<Alert> items, int page, int size, long total, boolean totalExact) {
    }

    public record Alert(long id, String scope, String key, String customerId, String cause, String severity,
            String status, String reason, String channel, String team, String agentId, String conversationId,
            Integer score, String comment, Interaction interaction, Contact contact, int triggerCount,
            Instant openedAt, Instant lastTriggeredAt, String assignee, Instant acknowledgedAt,
            String acknowledgedBy, Instant dueAt, Instant resolvedAt, String resolvedBy, String outcome,
            String resolutionNote, Instant escalatedAt, Context context, JsonNode journey,
            JsonNode scores, List<Trigger> triggers, Boolean triggersComplete, List<Audit> history,
            Boolean historyComplete) {

        /** Whether alerting-service left out earlier triggers (it sends the latest 100). */
        public boolean earlierTriggers() {
            return Boolean.FALSE.equals(triggersComplete);
        }

        /** Whether alerting-service left out earlier audit entries (it sends the latest 100). */
        public boolean earlierHistory() {
            return Boolean.FALSE.equals(historyComplete);
        }

        public boolean resolved() {
            return "RESOLVED".equals(status);
        }

        /** Who the alert is about, in the words a lead would ring back: the best identifier, else the subject's key. */
        public String who() {
            if (contact != null && contact.best() != null) {
                return contact.best();
            }
            return customerId != null ? customerId : key;
        }
    }

    /**
     * The closed-loop KPIs: unresolved alerts by cause and severity; and, of the alerts raised in the last
     * {@code periodDays} days, median seconds to acknowledge and to resolve, and the share of detractors
     * reached within 48 hours.
     */
    public record Stats(long open, Map<String, Map<String, Long>> openByCauseAndSeverity,
            Double medianSecondsToAcknowledge, Double medianSecondsToResolve, ClosedLoop detractorsContactedWithin48h,
            int periodDays) {
    }

    /** Detractor alerts counted, how many were reached within 48 h, and the share in percent. */
    public record ClosedLoop(long counted, long contacted, Double percent) {
    }

    /** The interaction the answer rates (or the customer's latest contact). */
    public record Interaction(String channel, String agentId, String team, Integer transfers, Integer waitSeconds,
            Instant occurredAt) {
    }

    /** How to reach the customer, as the alert knows it. */
    public record Contact(String email, String phone, String crmId, String handle, String chatVisitorId,
            String lastChannel, String best) {
    }

    public record Context(String status, String note) {
    }

    /** One event that opened or fed the alert. */
    public record Trigger(String source, String eventId, Instant occurredAt, Integer score, String comment,
            Instant receivedAt) {
    }

    /** One step of the audit trail. */
    public record Audit(Instant at, String actor, String action, String from, String to, String detail) {
    }
}
