package io.omnipulse.alerting.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.omnipulse.alerting.domain.AlertContact;
import io.omnipulse.events.CustomerKeys;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/**
 * What an alert keeps of the customer's profile (profile-service's {@code GET /v1/customers/{id}},
 * its CustomerProfile): the newest journey entries, and how to reach the customer. Of each identifier
 * type the first value is taken, the one profile-service considers likeliest real (it keeps the first
 * values of a type and ignores a flood of later ones). The last channel is the channel whose last
 * contact is the newest.
 *
 * @param journeyJson the newest journey entries as JSON text, oldest first
 */
public record ProfileAnswer(String journeyJson, AlertContact contact) {

    /** Reads a profile whose {@code journey} is an array; a missing or unreadable identifier is left out. */
    public static ProfileAnswer read(JsonNode profile, int journeySize) {
        JsonNode ids = profile.path("identifiers");
        Map.Entry<String, Instant> last = lastChannel(profile.path("channels"));
        AlertContact contact = new AlertContact(first(ids, CustomerKeys.EMAIL), first(ids, CustomerKeys.PHONE),
                first(ids, CustomerKeys.CRM), first(ids, CustomerKeys.HANDLE), first(ids, CustomerKeys.VISITOR),
                last == null ? null : last.getKey(), last == null ? null : last.getValue());
        return new ProfileAnswer(newest((ArrayNode) profile.get("journey"), journeySize).toString(), contact);
    }

    static ArrayNode newest(ArrayNode journey, int size) {
        if (journey.size() <= size) {
            return journey;
        }
        ArrayNode tail = journey.arrayNode();
        for (int i = journey.size() - size; i < journey.size(); i++) {
            tail.add(journey.get(i));
        }
        return tail;
    }

    private static String first(JsonNode identifiers, String type) {
        JsonNode value = identifiers.path(type).path(0);
        return value.isTextual() ? value.asText() : null;
    }

    /** The channel (wire name) with the newest lastContact, and that time; null when none says when. */
    private static Map.Entry<String, Instant> lastChannel(JsonNode channels) {
        Map.Entry<String, Instant> last = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = channels.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> channel = it.next();
            Instant at = instant(channel.getValue().path("lastContact"));
            if (at != null && (last == null || at.isAfter(last.getValue()))) {
                last = Map.entry(channel.getKey(), at);
            }
        }
        return last;
    }

    private static Instant instant(JsonNode value) {
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
