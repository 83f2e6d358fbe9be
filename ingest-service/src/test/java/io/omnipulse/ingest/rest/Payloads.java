package io.omnipulse.ingest.rest;

import java.time.Instant;
import java.util.UUID;

/** JSON bodies as client systems would send them. */
final class Payloads {

    private Payloads() {
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static String minuteAgo() {
        return Instant.now().minusSeconds(60).toString();
    }

    static String npsFeedback(String eventId, String email, String score) {
        return """
                {"eventId":"%s","source":"survey-tool","type":"feedback","channel":"email",
                 "occurredAt":"%s","customer":{"email":"%s"},"conversationId":"conv-1","team":"billing",
                 "feedback":{"metric":"nps","score":%s,"comment":"took three calls"}}"""
                .formatted(eventId, minuteAgo(), email, score);
    }

    static String interaction(String eventId, String email, String channel, String occurredAt) {
        return """
                {"eventId":"%s","source":"crm","type":"interaction","channel":"%s","occurredAt":"%s",
                 "customer":{"email":"%s"},"interaction":{"direction":"inbound","status":"open","waitSeconds":30}}"""
                .formatted(eventId, channel, occurredAt, email);
    }

    static String batch(String... events) {
        return "[" + String.join(",", events) + "]";
    }
}
