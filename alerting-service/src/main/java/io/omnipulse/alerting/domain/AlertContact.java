package io.omnipulse.alerting.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.omnipulse.events.Channel;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.FieldLimits;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * How to reach the customer an alert is about: the identifiers the alert learnt from its triggers and
 * from the customer's profile, and the channel of the customer's latest contact. It is shown wherever
 * the alert is (the API, webhooks, mails), never put on Kafka. Each value is held to the bound ingest
 * gives its field (events FieldLimits); a value that is longer or holds a control character did not
 * come through ingest, so it is left out rather than cut into an address that reaches someone else.
 *
 * @param lastChannel   wire name of the channel of the customer's latest contact known (e.g. {@code chat})
 * @param lastChannelAt when that contact was: a later source replaces the channel only with a newer one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertContact(String email, String phone, String crmId, String handle, String chatVisitorId,
        String lastChannel, @JsonIgnore Instant lastChannelAt) {

    public AlertContact {
        email = bounded(email, FieldLimits.EMAIL);
        phone = bounded(phone, FieldLimits.PHONE);
        crmId = bounded(crmId, FieldLimits.ID);
        handle = bounded(handle, FieldLimits.HANDLE);
        chatVisitorId = bounded(chatVisitorId, FieldLimits.ID);
        if (lastChannelAt == null || !isChannel(lastChannel)) {
            lastChannel = null;
            lastChannelAt = null;
        }
    }

    /** The identifiers an event carried, and the channel it came by at its event time. */
    public static AlertContact of(CustomerIds ids, String channel, Instant at) {
        CustomerIds known = ids == null ? CustomerIds.none() : ids;
        return new AlertContact(known.email(), known.phone(), known.crmId(), known.handle(), known.chatVisitorId(),
                channel, at);
    }

    /** This contact, with {@code channel} as the last one if that contact was newer than the one known. */
    public AlertContact withNewerChannel(String channel, Instant at) {
        if (at == null || !isChannel(channel) || lastChannelAt != null && !at.isAfter(lastChannelAt)) {
            return this;
        }
        return new AlertContact(email, phone, crmId, handle, chatVisitorId, channel, at);
    }

    /** The single label for a list row: the e-mail, else phone, crm id, handle, chat visitor id; null if none. */
    @JsonProperty("best")
    public String best() {
        return Stream.of(email, phone, crmId, handle, chatVisitorId).filter(v -> v != null).findFirst().orElse(null);
    }

    /** Whether it names no way to reach the customer and no channel. */
    @JsonIgnore
    public boolean isEmpty() {
        return best() == null && lastChannel == null;
    }

    private static boolean isChannel(String wire) {
        return wire != null && Stream.of(Channel.values()).anyMatch(c -> c.wire().equals(wire));
    }

    private static String bounded(String raw, int maxCodePoints) {
        String value = raw == null ? null : raw.strip();
        if (value == null || value.isEmpty() || value.codePointCount(0, value.length()) > maxCodePoints
                || value.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return value;
    }
}
