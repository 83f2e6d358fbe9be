package io.omnipulse.e2e;

import java.time.Instant;

/** Canonical events as a contact-center system posts them to ingest, for the end-to-end tests. */
final class Payloads {

    private Payloads() {
    }

    /** An NPS answer by e-mail, a minute ago, for team billing; {@code comment} may be null. */
    static String feedback(String eventId, String email, int score, String comment) {
        return """
                {"eventId":"%s","source":"e2e-survey","type":"feedback","channel":"email","occurredAt":"%s",
                 "customer":{"email":"%s"},"team":"billing","agentId":"a-1",
                 "feedback":{"metric":"nps","score":%d%s}}"""
                .formatted(eventId, Instant.now().minusSeconds(60), email, score,
                        comment == null ? "" : ",\"comment\":\"" + comment + "\"");
    }

    /** An inbound contact ten minutes ago; {@code customer} is the JSON of its identifiers. */
    static String interaction(String eventId, String channel, String customer) {
        return interaction(eventId, channel, customer, Instant.now().minusSeconds(600));
    }

    static String interaction(String eventId, String channel, String customer, Instant occurredAt) {
        return """
                {"eventId":"%s","source":"e2e-helpdesk","type":"interaction","channel":"%s","occurredAt":"%s",
                 "customer":%s,"conversationId":"T-1","interaction":{"direction":"inbound","status":"open"}}"""
                .formatted(eventId, channel, occurredAt, customer);
    }
}
