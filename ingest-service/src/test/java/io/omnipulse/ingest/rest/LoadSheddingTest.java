package io.omnipulse.ingest.rest;

import static io.omnipulse.ingest.rest.Payloads.npsFeedback;
import static io.omnipulse.ingest.rest.Payloads.uniqueId;
import static io.omnipulse.ingest.rest.TestSource.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.ingest.messaging.InFlightEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * With the in-flight bound taken (as by requests still waiting for Kafka), a request is refused at
 * once with 503, a problem saying so and a short Retry-After; once the room is given back the same
 * request is accepted, against the real broker.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class LoadSheddingTest {

    @Inject
    InFlightEvents inFlight;

    @Test
    void aRequestPastTheInFlightBoundIsShedWithRetryAfterAndAcceptedOnceThereIsRoom() {
        String body = npsFeedback(uniqueId("svy"), "ann@example.com", "9");
        int limit = inFlight.limit();
        assertThat(inFlight.tryAdmit(limit)).isTrue();
        try {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/v1/events")
                    .then().statusCode(503)
                    .header("Retry-After", "1")
                    .contentType("application/problem+json")
                    .body("type", is("https://omnipulse.io/problems/ingest-overloaded"))
                    .body("detail", containsString("nothing of this request was stored"));
            TestSource.asOps().when().get("/q/metrics").then()
                    .body(containsString("omnipulse_ingest_requests_rejected_total{reason=\"overloaded\"}"))
                    .body(containsString("omnipulse_ingest_in_flight_events " + (double) limit));
        } finally {
            inFlight.release(limit);
        }
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/events")
                .then().statusCode(202);
    }
}
