package io.omnipulse.ingest.rest;

import static io.omnipulse.ingest.rest.Payloads.batch;
import static io.omnipulse.ingest.rest.Payloads.npsFeedback;
import static io.omnipulse.ingest.rest.Payloads.uniqueId;
import static io.omnipulse.ingest.rest.TestSource.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An API key that posts more events than its rate limit (here 1 a second, 3 saved up) gets 429 with
 * Retry-After, a problem saying so, and nothing of that request is published.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(RateLimitTest.SlowKeys.class)
class RateLimitTest {

    public static class SlowKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("omnipulse.ingest.rate-limit.events-per-second", "1", "omnipulse.ingest.rate-limit.burst", "3");
        }
    }

    @Test
    void aKeyPastItsRateIsRefusedWith429AndRetryAfterAndNothingOfTheRequestIsPublished() {
        String refused = uniqueId("over");
        try (ContactEventsTopic topic = ContactEventsTopic.fromNow()) {
            given().contentType(ContentType.JSON).body(batch(npsFeedback(uniqueId("a"), "ann@example.com", "9"),
                            npsFeedback(uniqueId("b"), "ann@example.com", "9"), npsFeedback(uniqueId("c"), "ann@example.com", "9")))
                    .when().post("/v1/events").then().statusCode(202);

            given().contentType(ContentType.JSON).body(npsFeedback(refused, "ann@example.com", "3"))
                    .when().post("/v1/events")
                    .then().statusCode(429)
                    .header("Retry-After", "1")
                    .contentType("application/problem+json")
                    .body("type", is("https://omnipulse.io/problems/rate-limited"))
                    .body("detail", containsString("nothing of this request was stored"));

            assertThat(topic.awaitRecords(3, e -> e.eventId().startsWith("a") || e.eventId().startsWith("b")
                    || e.eventId().startsWith("c") || e.eventId().equals(refused)))
                    .extracting(r -> r.value().eventId()).doesNotContain(refused);
        }
        TestSource.asOps().when().get("/q/metrics").then()
                .body(containsString("omnipulse_ingest_requests_rejected_total{reason=\"rate_limited\"}"));
    }
}
