package io.omnipulse.ingest.rest;

import static io.omnipulse.ingest.rest.Payloads.batch;
import static io.omnipulse.ingest.rest.Payloads.interaction;
import static io.omnipulse.ingest.rest.Payloads.minuteAgo;
import static io.omnipulse.ingest.rest.Payloads.npsFeedback;
import static io.omnipulse.ingest.rest.Payloads.uniqueId;
import static io.omnipulse.ingest.rest.TestSource.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Metric;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class EventsResourceTest {

    static String customerId(String email) {
        return CustomerKeys.customerId(new CustomerIds(null, email, null, null, null));
    }

    @Test
    void detractorFeedbackIsPublishedKeyedByCustomerWithIngestedAt() {
        String eventId = uniqueId("svy");
        Instant before = Instant.now();
        try (ContactEventsTopic topic = ContactEventsTopic.fromNow()) {
            given().contentType(ContentType.JSON).body(npsFeedback(eventId, "Ann@Example.com", "3"))
                    .when().post("/v1/events")
                    .then().statusCode(202)
                    .body("accepted", is(1))
                    .body("eventIds", is(List.of(eventId)));

            ConsumerRecord<String, ContactEvent> record =
                    topic.awaitRecords(1, e -> e.eventId().equals(eventId)).get(0);
            assertThat(record.key()).isEqualTo(customerId("ann@example.com")).startsWith("cus-");
            assertThat(record.value().feedback().metric()).isEqualTo(Metric.NPS);
            assertThat(record.value().feedback().score()).isEqualTo(3);
            assertThat(record.value().ingestedAt()).isNotNull().isAfterOrEqualTo(before.minusSeconds(1));
        }
        TestSource.asOps().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("omnipulse_ingest_events_accepted_total{channel=\"email\",type=\"feedback\"}"));
    }

    @Test
    void batchOfThreeBecomesThreeRecords() {
        String prefix = uniqueId("batch");
        String email = prefix + "@example.com";
        try (ContactEventsTopic topic = ContactEventsTopic.fromNow()) {
            given().contentType(ContentType.JSON)
                    .body(batch(interaction(prefix + "-1", email, "chat", minuteAgo()),
                            interaction(prefix + "-2", email, "call", minuteAgo()),
                            npsFeedback(prefix + "-3", email, "10")))
                    .when().post("/v1/events")
                    .then().statusCode(202)
                    .body("accepted", is(3))
                    .body("eventIds", is(List.of(prefix + "-1", prefix + "-2", prefix + "-3")));

            List<ConsumerRecord<String, ContactEvent>> records =
                    topic.awaitRecords(3, e -> e.eventId().startsWith(prefix));
            assertThat(records).extracting(r -> r.value().eventId())
                    .containsExactly(prefix + "-1", prefix + "-2", prefix + "-3");
            assertThat(records).extracting(ConsumerRecord::key).containsOnly(customerId(email));
        }
    }

    @Test
    void batchWithOneBadElementIsRejectedWholeAndPublishesNothing() {
        String prefix = uniqueId("bad");
        String email = prefix + "@example.com";
        try (ContactEventsTopic topic = ContactEventsTopic.fromNow()) {
            given().contentType(ContentType.JSON)
                    .body(batch(npsFeedback(prefix + "-0", email, "9"), npsFeedback(prefix + "-1", email, "11"),
                            interaction(prefix + "-2", email, "chat", minuteAgo())))
                    .when().post("/v1/events")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", is(400))
                    .body("errors.field", is(List.of("[1].feedback.score")));

            // A valid sentinel for the same customer lands on the same partition after anything the
            // bad request could have written: if it is the only record seen, nothing else was published.
            String sentinel = prefix + "-sentinel";
            given().contentType(ContentType.JSON).body(npsFeedback(sentinel, email, "8"))
                    .when().post("/v1/events").then().statusCode(202);
            List<ConsumerRecord<String, ContactEvent>> seen = topic.awaitRecord(e -> e.eventId().equals(sentinel));
            assertThat(seen).extracting(r -> r.value().eventId()).filteredOn(id -> id.startsWith(prefix))
                    .containsExactly(sentinel);
        }
        TestSource.asOps().when().get("/q/metrics").then()
                .body(containsString("omnipulse_ingest_requests_rejected_total{reason=\"invalid\"}"));
    }

    @Test
    void missingCustomerIsNamed() {
        String body = npsFeedback(uniqueId("e"), "x@example.com", "5").replace("\"customer\":{\"email\":\"x@example.com\"},", "");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/events")
                .then().statusCode(400)
                .body("errors.field", is(List.of("customer")))
                .body("instance", is("/v1/events"));
    }

    @Test
    void unknownChannelIsNamedWithTheAllowedValues() {
        given().contentType(ContentType.JSON).body(interaction(uniqueId("e"), "a@example.com", "fax", minuteAgo()))
                .when().post("/v1/events")
                .then().statusCode(400)
                .body("errors.field", is(List.of("channel")))
                .body("errors[0].message", containsString("email, chat, social, call"));
    }

    @Test
    void unknownChannelInABatchCarriesItsIndex() {
        given().contentType(ContentType.JSON)
                .body(batch(interaction(uniqueId("e"), "a@example.com", "chat", minuteAgo()),
                        interaction(uniqueId("e"), "a@example.com", "fax", minuteAgo())))
                .when().post("/v1/events")
                .then().statusCode(400)
                .body("errors.field", is(List.of("[1].channel")));
    }

    @Test
    void occurredAtInTheFutureIsRejected() {
        String nextHour = Instant.now().plusSeconds(3600).toString();
        given().contentType(ContentType.JSON).body(interaction(uniqueId("e"), "a@example.com", "chat", nextHour))
                .when().post("/v1/events")
                .then().statusCode(400)
                .body("errors.field", is(List.of("occurredAt")));
    }

    @Test
    void wrongJsonTypeIsNamed() {
        given().contentType(ContentType.JSON).body(npsFeedback(uniqueId("e"), "a@example.com", "\"ten\""))
                .when().post("/v1/events")
                .then().statusCode(400)
                .body("errors.field", is(List.of("feedback.score")));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"eventId\": ")
                .when().post("/v1/events")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("malformed JSON"));
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        given().contentType(ContentType.TEXT).body("eventId=1")
                .when().post("/v1/events")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", is(415));
    }

    @Test
    void batchOverTheEventLimitIsTooLarge() {
        String one = interaction("e", "a@example.com", "chat", minuteAgo());
        String body = batch(Collections.nCopies(501, one).toArray(String[]::new));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/events")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("at most 500"));
        TestSource.asOps().when().get("/q/metrics").then()
                .body(containsString("omnipulse_ingest_requests_rejected_total{reason=\"too_large\"}"));
    }

    @Test
    void bodyOverTheSizeLimitIsTooLarge() {
        String padding = "x".repeat(1_100_000);
        given().contentType(ContentType.JSON).body("{\"eventId\":\"" + padding + "\"}")
                .when().post("/v1/events")
                .then().statusCode(413);
    }

    @Test
    void readyWhenTheBrokerIsReachable() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void openApiDescribesTheEndpoints() {
        TestSource.asOps().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItem("/v1/events"))
                .body("paths.keySet()", hasItem("/v1/channels/call"));
    }
}
