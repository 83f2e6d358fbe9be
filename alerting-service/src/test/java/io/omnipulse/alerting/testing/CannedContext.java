package io.omnipulse.alerting.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What profile-service and scoring-service answer about one customer, as their REST mappers write it:
 * the canned answers of the fake context services (ContextEnrichmentTest, AlertThroughputBenchmark).
 */
public final class CannedContext {

    /** Answers with this JSON (200), or 404 when there is none, as the services do for an unknown customer. */
    public static void reply(HttpExchange exchange, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    public static final String JOURNEY = """
            [{"eventId":"e-1","source":"telephony","occurredAt":"2026-03-01T10:00:00Z","channel":"call",
              "type":"interaction","conversationId":"c-1","agentId":"agent-42","team":"billing","status":"unresolved",
              "summary":"invoice twice"},
             {"eventId":"e-2","source":"survey-tool","occurredAt":"2026-03-02T09:00:00Z","channel":"email",
              "type":"feedback","conversationId":"c-1","metric":"nps","score":2,"summary":"NPS 2: nobody called back"},
             {"eventId":"e-3","source":"chat-widget","occurredAt":"2026-03-02T11:30:00Z","channel":"chat",
              "type":"interaction","conversationId":"c-2","team":"billing","status":"open","summary":"still no refund"}]
            """;
    /**
     * profile-service's answer to GET /v1/customers/{id}: a CustomerProfile as its REST mapper writes
     * it (ISO instants, no nulls, no recentEventKeys), identifiers normalised and first found first.
     */
    public static final String PROFILE = """
            {"customerId":"cus-0d5b6c1f2e3a4b5c",
             "identifiers":{"crm":["CRM-0042"],"email":["ann@example.com"],"handle":["twitter:ann_w"],
                            "phone":["+442079460000","+447700900123"],"visitor":["v-7f3a"]},
             "channels":{
               "call":{"count":1,"firstContact":"2026-03-01T10:00:00Z","lastContact":"2026-03-01T10:00:00Z"},
               "chat":{"count":1,"firstContact":"2026-03-02T11:30:00Z","lastContact":"2026-03-02T11:30:00Z"},
               "email":{"count":1,"firstContact":"2026-03-02T09:00:00Z","lastContact":"2026-03-02T09:00:00Z"}},
             "firstContact":"2026-03-01T10:00:00Z","lastContact":"2026-03-02T11:30:00Z",
             "interactionCount":2,"feedbackCount":1,"conversations":["c-1","c-2"],
             "latestNps":{"score":2,"scale":{"min":0,"max":10,"higherIsBetter":true},"comment":"nobody called back",
                          "occurredAt":"2026-03-02T09:00:00Z","channel":"email","eventId":"e-2"},
             "journey":""" + JOURNEY + "}";
    public static final String SCORES = """
            {"scope":"customer","window":"30d",
             "nps":{"promoters":0,"passives":1,"detractors":2,"n":3,"score":-66.7,"marginOfError95":40.1},
             "ces":{"n":1,"meanEase":16.7,"highEffort":1,"highEffortShare":100.0},
             "csat":{"n":1,"satisfied":0,"percent":0.0}}
            """;

    private CannedContext() {
    }
}
