package io.omnipulse.alerting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertContact;
import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.domain.AlertStatus;
import io.omnipulse.alerting.domain.ResolutionOutcome;
import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.alerting.persistence.ContextSnapshot;
import io.omnipulse.alerting.service.AlertQueries;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An alert as the API shows it. {@code triggers}, {@code history}, {@code journey} and {@code scores}
 * are present on {@code GET /v1/alerts/{id}} only; the list leaves them out to stay small. Of the
 * triggers and history the detail holds the latest 100 ({@code triggersComplete} and
 * {@code historyComplete} say whether that is all); their own pages hold every one.
 * {@code journey} (profile-service's entries, oldest first) and {@code scores} (scoring-service's
 * NPS, CES and CSAT of the customer) are the snapshot taken after the alert was raised;
 * {@code context} says whether it is there, coming, off or unavailable. {@code customerId} is
 * set for customer alerts; {@code key} names the subject of every alert. {@code contact} (list and
 * detail) says how to reach the customer; whoever may read the alert may read it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(
        long id,
        AlertScope scope,
        String key,
        String customerId,
        @Schema(description = CONTACT) AlertContact contact,
        AlertCause cause,
        AlertSeverity severity,
        AlertStatus status,
        String reason,
        String channel,
        String team,
        String agentId,
        String conversationId,
        Integer score,
        String comment,
        RatedInteraction interaction,
        int triggerCount,
        Instant openedAt,
        Instant lastTriggeredAt,
        Instant createdAt,
        String assignee,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant acknowledgeDueAt,
        Instant resolvedAt,
        String resolvedBy,
        ResolutionOutcome outcome,
        String resolutionNote,
        Instant resolveDueAt,
        @Schema(description = "The deadline that counts now: acknowledgeDueAt until the alert is acknowledged, "
                + "then resolveDueAt; absent once resolved. The urgency order of the queue sorts by it.")
        Instant dueAt,
        Instant escalatedAt,
        ContextView context,
        @JsonRawValue String journey,
        @JsonRawValue String scores,
        @Schema(description = "The latest triggers (at most 100), in event-time order; detail only")
        List<TriggerView> triggers,
        @Schema(description = "Whether triggers holds every trigger; if not, GET /v1/alerts/{id}/triggers pages "
                + "through them all. triggerCount counts them.")
        Boolean triggersComplete,
        @Schema(description = "The latest audit entries (at most 100), oldest first; detail only")
        List<AuditView> history,
        @Schema(description = "Whether history holds every audit entry; if not, GET /v1/alerts/{id}/history pages "
                + "through them all")
        Boolean historyComplete) {

    static final String CONTACT = "How to reach the customer of a customer alert, on the list and the detail; "
            + "absent on team and channel alerts and while nothing is known. email, phone, crmId, handle and "
            + "chatVisitorId come from the events that triggered the alert (the latest trigger's values replace "
            + "earlier ones; a value a trigger lacks is never blanked) and are filled in from the customer's "
            + "profile at profile-service when the context is fetched. lastChannel: the channel of the customer's "
            + "latest contact the alert knows of (its latest trigger, the interaction it rates, the profile's "
            + "channels). best: the one label for a list row, the first known of email, phone, crmId, handle and "
            + "chatVisitorId. Webhooks (data.contact) and mails carry the same; Kafka's alert events never do. "
            + "Cleared when the customer is erased.";

    /** The interaction the answer rates (or the customer's latest contact), as last seen. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RatedInteraction(String channel, String agentId, String team, Integer transfers,
            Integer waitSeconds, Instant occurredAt) {
    }

    /** The detail: the triggers and history as given, each saying whether it is all there is. */
    static AlertView of(Alert alert, ContextSnapshot context, AlertQueries.Slice<TriggerView> triggers,
            AlertQueries.Slice<AuditView> history) {
        RatedInteraction rated = alert.ratedAt == null ? null : new RatedInteraction(alert.ratedChannel,
                alert.ratedAgentId, alert.ratedTeam, alert.ratedTransfers, alert.ratedWaitSeconds, alert.ratedAt);
        return new AlertView(alert.id, alert.scope, alert.customerId,
                alert.scope == AlertScope.CUSTOMER ? alert.customerId : null, alert.contact(), alert.cause,
                alert.severity, alert.status, alert.reason, alert.channel, alert.team, alert.agentId, alert.conversationId,
                alert.score, alert.comment, rated, alert.triggerCount, alert.openedAt, alert.lastTriggeredAt,
                alert.createdAt, alert.assignee, alert.acknowledgedAt, alert.acknowledgedBy, alert.acknowledgeDueAt,
                alert.resolvedAt, alert.resolvedBy, alert.outcome, alert.resolutionNote, alert.resolveDueAt,
                alert.dueAt(), alert.escalatedAt, ContextView.of(alert, context),
                context == null ? null : context.journeyJson(), context == null ? null : context.scoresJson(),
                triggers == null ? null : triggers.items(), triggers == null ? null : !triggers.more(),
                history == null ? null : history.items(), history == null ? null : !history.more());
    }

    static AlertView summary(Alert alert) {
        return of(alert, null, null, null);
    }
}
