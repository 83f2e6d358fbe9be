package io.omnipulse.ingest.rest;

import static io.omnipulse.ingest.rest.Payloads.minuteAgo;
import static io.omnipulse.ingest.rest.Payloads.npsFeedback;
import static io.omnipulse.ingest.rest.Payloads.uniqueId;
import static io.omnipulse.ingest.rest.TestSource.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No broker at all: requests must fail fast with 503 and Retry-After instead of hanging. */
@QuarkusTest
@TestProfile(KafkaUnavailableTest.NoBroker.class)
class KafkaUnavailableTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "localhost:1",
                    "omnipulse.ingest.publish.max-block", "1S",
                    "omnipulse.ingest.publish.request-timeout", "1S",
                    "omnipulse.ingest.publish.delivery-timeout", "2S",
                    "omnipulse.ingest.publish.retry-after", "7S",
                    "kafka.default.api.timeout.ms", "2000",
                    "kafka.request.timeout.ms", "1000");
        }
    }

    @Test
    void canonicalEventIsAnsweredWithServiceUnavailableAndRetryAfter() {
        given().contentType(ContentType.JSON).body(npsFeedback(uniqueId("svy"), "ann@example.com", "2"))
                .when().post("/v1/events")
                .then().statusCode(503)
                .header("Retry-After", "7")
                .contentType("application/problem+json")
                .body("status", is(503))
                .body("instance", is("/v1/events"));
        TestSource.asOps().when().get("/q/metrics").then()
                .body(containsString("omnipulse_ingest_requests_rejected_total{reason=\"unavailable\"}"));
    }

    @Test
    void channelAdapterIsAnsweredWithServiceUnavailableToo() {
        given().contentType(ContentType.JSON)
                // A recent call: a fixed date would fall out of the accepted event-time window (400 days).
                .body("{\"callId\":\"c-1\",\"callerNumber\":\"+4420\",\"startedAt\":\"" + minuteAgo() + "\"}")
                .when().post("/v1/channels/call")
                .then().statusCode(503)
                .header("Retry-After", "7");
    }

    @Test
    void readinessIsDownWithoutTheBroker() {
        given().when().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void invalidEventsAreStillRejectedWithoutTheBroker() {
        given().contentType(ContentType.JSON).body(npsFeedback(uniqueId("svy"), "ann@example.com", "42"))
                .when().post("/v1/events")
                .then().statusCode(400)
                .body("errors[0].field", is("feedback.score"));
    }
}
