package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.AlertCause;
import io.omnipulse.alerting.domain.AlertContact;
import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.domain.AlertStatus;
import io.omnipulse.alerting.domain.ContextStatus;
import io.omnipulse.alerting.domain.ResolutionOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One alert for a customer and cause, with the context of its latest trigger (the interaction it
 * rates, the answer and comment) so that a support lead sees the why without another lookup.
 * Schema: db/migration/V1__alerts.sql, V2__closed_loop.sql, V3__alert_context.sql and
 * V8__alert_contact.sql. After a customer merge the alert belongs to the survivor ({@link #absorb},
 * CustomerMergeService).
 */
@Entity
@Table(name = "alert")
public class Alert {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_id")
    @SequenceGenerator(name = "alert_id", sequenceName = "alert_id_seq", allocationSize = 50)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertScope scope = AlertScope.CUSTOMER;

    /** The subject's key: customer id, team name or channel, depending on {@link #scope}. */
    @Column(name = "customer_id", nullable = false)
    public String customerId;

    /** The rule that fired last, in words. */
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertCause cause;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertSeverity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertStatus status;

    /** Wire name of the channel, e.g. {@code email}. */
    public String channel;

    public String team;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "conversation_id")
    public String conversationId;

    public Integer score;

    public String comment;

    @Column(name = "trigger_count", nullable = false)
    public int triggerCount;

    /** Event time of the first trigger; follow-up deadlines will count from here. */
    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "last_triggered_at")
    public Instant lastTriggeredAt;

    /** Wall clock when the alert was stored. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The interaction the latest answer rates, or the customer's latest contact. */
    @Column(name = "rated_channel")
    public String ratedChannel;

    @Column(name = "rated_agent_id")
    public String ratedAgentId;

    @Column(name = "rated_team")
    public String ratedTeam;

    @Column(name = "rated_transfers")
    public Integer ratedTransfers;

    @Column(name = "rated_wait_seconds")
    public Integer ratedWaitSeconds;

    @Column(name = "rated_at")
    public Instant ratedAt;

    public String assignee;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Enumerated(EnumType.STRING)
    public ResolutionOutcome outcome;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Column(name = "acknowledge_due_at")
    public Instant acknowledgeDueAt;

    @Column(name = "resolve_due_at")
    public Instant resolveDueAt;

    /** Whether each deadline already escalated, so that one breach escalates once. */
    @Column(name = "acknowledge_escalated", nullable = false)
    public boolean acknowledgeEscalated;

    @Column(name = "resolve_escalated", nullable = false)
    public boolean resolveEscalated;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    /**
     * The queue's order (V10__queue_order.sql): 0 for a critical alert, 1 for a high one, 2 for the rest.
     * PostgreSQL computes both columns from the others, so an index can hand out the most urgent alerts
     * first; mapped read-only, for queries only (a loaded entity's value is as of its loading).
     */
    @Column(name = "urgency_rank", insertable = false, updatable = false)
    Short urgencyRank;

    /** The deadline the alert works against: to acknowledge until acknowledged, then to resolve. */
    @Column(name = "next_due_at", insertable = false, updatable = false)
    Instant nextDueAt;

    /**
     * The deadline that counts now, as the API shows it: to acknowledge until acknowledged, then to
     * resolve; none once resolved. The rule of {@link #nextDueAt}, read from the fields as they are now
     * (an alert acknowledged in this transaction already works against its resolve deadline).
     */
    public Instant dueAt() {
        if (status == AlertStatus.RESOLVED) {
            return null;
        }
        return acknowledgedAt == null ? acknowledgeDueAt : resolveDueAt;
    }

    /**
     * Customer context enrichment (V3__alert_context.sql). Written when the alert is opened and
     * afterwards only by the enrichment worker's SQL: never in an entity update, so that neither
     * side overwrites the other's columns.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "context_status", nullable = false, updatable = false)
    public ContextStatus contextStatus = ContextStatus.NONE;

    @Column(name = "context_attempts", nullable = false, updatable = false)
    public int contextAttempts;

    @Column(name = "context_due_at", updatable = false)
    public Instant contextDueAt;

    /**
     * How to reach the customer (V8__alert_contact.sql), read through {@link #contact()}. Inserted with
     * the alert ({@link #initContact}) and afterwards changed only by AlertContacts' SQL (triggers,
     * enrichment, merges, erasure), never in an entity update: as with the context columns, a person's
     * change of the alert must not write back a contact that enrichment filled in meanwhile.
     */
    @Column(name = "contact_email", updatable = false)
    public String contactEmail;

    @Column(name = "contact_phone", updatable = false)
    public String contactPhone;

    @Column(name = "contact_crm_id", updatable = false)
    public String contactCrmId;

    @Column(name = "contact_handle", updatable = false)
    public String contactHandle;

    @Column(name = "contact_chat_visitor_id", updatable = false)
    public String contactChatVisitorId;

    @Column(name = "contact_last_channel", updatable = false)
    public String contactLastChannel;

    @Column(name = "contact_last_channel_at", updatable = false)
    public Instant contactLastChannelAt;

    @Version
    public Long version;

    /** A new open customer alert whose context is taken from its first trigger. */
    public static Alert open(String customerId, AlertCause cause, AlertSeverity severity, TriggerContext first,
            Instant now) {
        return open(AlertScope.CUSTOMER, customerId, cause, severity, first, now);
    }

    /** A new open alert about any subject whose context is taken from its first trigger. */
    public static Alert open(AlertScope scope, String customerId, AlertCause cause, AlertSeverity severity, TriggerContext first,
            Instant now) {
        Alert alert = new Alert();
        alert.scope = scope;
        alert.customerId = customerId;
        alert.cause = cause;
        alert.severity = severity;
        alert.status = AlertStatus.OPEN;
        alert.triggerCount = 1;
        alert.openedAt = first.occurredAt();
        alert.lastTriggeredAt = first.occurredAt();
        alert.createdAt = now;
        alert.takeContext(first);
        return alert;
    }

    /**
     * Counts a further trigger. Severity is only ever raised. The context follows the latest
     * trigger by event time, because follow-up is routed to the team of the customer's last
     * contact; a late-arriving older event is counted but does not overwrite it.
     *
     * @return whether the trigger is the latest by event time (its context was taken)
     */
    public boolean attach(AlertSeverity triggerSeverity, TriggerContext trigger) {
        triggerCount++;
        severity = AlertSeverity.max(severity, triggerSeverity);
        if (lastTriggeredAt == null || !trigger.occurredAt().isBefore(lastTriggeredAt)) {
            lastTriggeredAt = trigger.occurredAt();
            takeContext(trigger);
            return true;
        }
        return false;
    }

    /** How to reach the customer; null when the alert is not about a customer or knows no way. */
    public AlertContact contact() {
        AlertContact contact = new AlertContact(contactEmail, contactPhone, contactCrmId, contactHandle,
                contactChatVisitorId, contactLastChannel, contactLastChannelAt);
        return scope != AlertScope.CUSTOMER || contact.isEmpty() ? null : contact;
    }

    /**
     * The contact a new alert is inserted with. The columns are not updatable through the entity: once
     * the alert is stored, its contact changes only through AlertContacts.
     */
    public void initContact(AlertContact contact) {
        contactEmail = contact.email();
        contactPhone = contact.phone();
        contactCrmId = contact.crmId();
        contactHandle = contact.handle();
        contactChatVisitorId = contact.chatVisitorId();
        contactLastChannel = contact.lastChannel();
        contactLastChannelAt = contact.lastChannelAt();
    }

    /**
     * Takes in {@code merged}, the unresolved alert of the same cause of a customer that turned out
     * to be this one (a customer merge); the caller moves its trigger rows here and closes it. The
     * person has waited since the earlier of the two, so the earlier raise time, first trigger and
     * each earlier deadline hold (an escalation already made for one of them is not repeated);
     * severity is the higher, the trigger counts add up, and the context follows whichever alert
     * was triggered later, as {@link #attach} does. A person already assigned to either keeps it.
     * The contact is not taken here (its columns are not updatable through the entity): the caller
     * fills the gaps of this alert's contact from {@code merged}'s through AlertContacts.
     */
    public void absorb(Alert merged) {
        triggerCount += merged.triggerCount;
        severity = AlertSeverity.max(severity, merged.severity);
        openedAt = earlier(openedAt, merged.openedAt);
        createdAt = earlier(createdAt, merged.createdAt);
        acknowledgeDueAt = earlier(acknowledgeDueAt, merged.acknowledgeDueAt);
        resolveDueAt = earlier(resolveDueAt, merged.resolveDueAt);
        acknowledgeEscalated |= merged.acknowledgeEscalated;
        resolveEscalated |= merged.resolveEscalated;
        escalatedAt = later(escalatedAt, merged.escalatedAt);
        if (assignee == null) {
            assignee = merged.assignee;
        }
        if (merged.lastTriggeredAt != null
                && (lastTriggeredAt == null || merged.lastTriggeredAt.isAfter(lastTriggeredAt))) {
            lastTriggeredAt = merged.lastTriggeredAt;
            takeContext(merged);
        }
    }

    /** Whether the deadline to acknowledge passed without an acknowledgement and was not escalated yet. */
    public boolean acknowledgeBreached(Instant now) {
        return acknowledgedAt == null && !acknowledgeEscalated && acknowledgeDueAt != null
                && !now.isBefore(acknowledgeDueAt);
    }

    public boolean resolveBreached(Instant now) {
        return resolvedAt == null && !resolveEscalated && resolveDueAt != null && !now.isBefore(resolveDueAt);
    }

    /** Everything that describes the latest trigger, from an alert that was triggered later. */
    private void takeContext(Alert other) {
        reason = other.reason;
        channel = other.channel;
        team = other.team;
        agentId = other.agentId;
        conversationId = other.conversationId;
        score = other.score;
        comment = other.comment;
        ratedChannel = other.ratedChannel;
        ratedAgentId = other.ratedAgentId;
        ratedTeam = other.ratedTeam;
        ratedTransfers = other.ratedTransfers;
        ratedWaitSeconds = other.ratedWaitSeconds;
        ratedAt = other.ratedAt;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    private void takeContext(TriggerContext context) {
        channel = context.channel();
        team = context.team();
        agentId = context.agentId();
        conversationId = context.conversationId();
        score = context.score();
        comment = context.comment();
    }
}
