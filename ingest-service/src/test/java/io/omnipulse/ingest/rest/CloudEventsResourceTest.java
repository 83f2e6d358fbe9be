package io.omnipulse.ingest.rest;

import static io.omnipulse.ingest.rest.Payloads.minuteAgo;
import static io.omnipulse.ingest.rest.Payloads.uniqueId;
import static io.omnipulse.ingest.rest.TestSource.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.ingest.domain.CloudEventReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /v1/events takes CloudEvents in structured, batch and binary mode, with the canonical API's key, rules and answers. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class CloudEventsResourceTest {

    /** A canonical NPS answer that leaves eventId, source and occurredAt to the CloudEvent's attributes. */
    static String data(String email) {
        return """
                {"type":"feedback","channel":"email","customer":{"email":"%s"},"team":"billing",
                 "feedback":{"metric":"nps","score":2}}""".formatted(email);
    }

    static String structured(String id, String type, String email, String time) {
        return """
                {"specversion":"1.0","id":"%s","source":"survey-tool","type":"%s","time":"%s",
                 "datacontenttype":"application/json","data":%s}""".formatted(id, type, time, data(email));
    }

    @Test
    void structuredCloudEventIsPublishedWithItsAttributesAsEventIdSourceAndOccurredAt() {
        String id = uniqueId("ce");
        String time = minuteAgo();
        try (ContactEventsTopic topic = ContactEventsTopic.fromNow()) {
            given().contentType(CloudEventReader.STRUCTURED)
                    .body(structured(id, CloudEventReader.CONTACT_EVENT, id + "@example.com", time))
                    .when().post("/v1/events")
                    .then().statusCode(202)
                    .body("accepted", is(1))
                    .body("eventIds", is(List.of(id)));

            ContactEvent published = topic.awaitRecords(1, e -> e.eventId().equals(id)).get(0).value();
            assertThat(published.source()).isEqualTo("survey-tool");
            assertThat(published.occurredAt()).isEqualTo(Instant.parse(time));
            assertThat(published.ingestedAt()).isNotNull();
        }
    }

    @Test
    void batchOfCloudEventsIsPublishedInOrder() {
        String prefix = uniqueId("ce-batch");
        String email = prefix + "@example.com";
        try (ContactEventsTopic topic = ContactEventsTopic.fromNow()) {
            given().contentType(CloudEventReader.BATCH)
                    .body("[" + structured(prefix + "-1", CloudEventReader.CONTACT_EVENT, email, minuteAgo()) + ","
                            + structured(prefix + "-2", CloudEventReader.CONTACT_EVENT, email, minuteAgo()) + "]")
                    .when().post("/v1/events")
                    .then().statusCode(202)
                    .body("eventIds", is(List.of(prefix + "-1", prefix + "-2")));

            assertThat(topic.awaitRecords(2, e -> e.eventId().startsWith(prefix)))
                    .extracting(r -> r.value().eventId()).containsExactly(prefix + "-1", prefix + "-2");
        }
    }

    @Test
    void binaryCloudEventTakesItsAttributesFromTheHeaders() {
        String id = uniqueId("ce-bin");
        try (ContactEventsTopic topic = ContactEventsTopic.fromNow()) {
            given().contentType(ContentType.JSON).headers(binary(id))
                    .body(data(id + "@example.com"))
                    .when().post("/v1/events")
                    .then().statusCode(202)
                    .body("eventIds", is(List.of(id)));

            assertThat(topic.awaitRecords(1, e -> e.eventId().equals(id)).get(0).value().source()).isEqualTo("crm");
        }
    }

    @Test
    void refusalsAreProblemsNamingTheAttribute() {
        given().contentType(CloudEventReader.STRUCTURED)
                .body(structured(uniqueId("ce"), "com.example.order.created", "a@example.com", minuteAgo()))
                .when().post("/v1/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", is(List.of("type")));
        given().contentType(CloudEventReader.STRUCTURED)
                .body(structured(uniqueId("ce"), CloudEventReader.CONTACT_EVENT, "a@example.com", minuteAgo())
                        .replace("\"1.0\"", "\"0.3\""))
                .when().post("/v1/events")
                .then().statusCode(400).body("errors.field", is(List.of("specversion")));
        given().contentType(ContentType.JSON).headers(binary("ce-one"))
                .body(data("a@example.com").replace("{\"type\"", "{\"eventId\":\"ce-two\",\"type\""))
                .when().post("/v1/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", is(List.of("ce-id")));
        given().contentType(CloudEventReader.BATCH)
                .body("[" + structured(uniqueId("ce"), CloudEventReader.CONTACT_EVENT, "a@example.com", minuteAgo())
                        .replace("\"score\":2", "\"score\":11") + "]")
                .when().post("/v1/events")
                .then().statusCode(400).body("errors.field", is(List.of("[0].data.feedback.score")));
    }

    @Test
    void cloudEventsNeedTheApiKeyToo() {
        RestAssured.given().contentType(CloudEventReader.STRUCTURED)
                .body(structured(uniqueId("ce"), CloudEventReader.CONTACT_EVENT, "a@example.com", minuteAgo()))
                .when().post("/v1/events")
                .then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().contentType(ContentType.JSON).headers(binary(uniqueId("ce")))
                .body(data("a@example.com"))
                .when().post("/v1/events")
                .then().statusCode(401);
    }

    @Test
    void openApiDocumentsEveryMediaType() {
        Map<String, Object> content = TestSource.asOps().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths.'/v1/events'.post.requestBody.content");

        assertThat(content).containsOnlyKeys("application/json", CloudEventReader.STRUCTURED, CloudEventReader.BATCH);
    }

    private static Map<String, String> binary(String id) {
        return Map.of("ce-specversion", "1.0", "ce-id", id, "ce-source", "crm", "ce-type", CloudEventReader.CONTACT_EVENT,
                "ce-time", minuteAgo());
    }
}
