package io.omnipulse.profile.rest;

import static io.omnipulse.devstack.testkit.TestTokens.given;
import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.feedback;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.TestTokens;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Topics;
import io.omnipulse.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * POST /v1/erasures on the real broker: an admin names a customer by an identifier, gets 202 with the
 * erasure's status, and profile-service's part is done (the profile gone) while the other services'
 * parts show as pending until they say so.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ErasureApiTest {

    private static final CustomerIds CARA = new CustomerIds(null, "cara.erase@example.com", "+44 20 7946 0123", null, null);
    private static final String CARA_ID = CustomerKeys.customerId(CARA);

    private static void publish(ContactEvent... events) throws Exception {
        var topic = Topics.CONTACT_EVENTS;
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (ContactEvent event : events) {
                producer.send(new ProducerRecord<>(topic.name(), CustomerKeys.customerId(event.customer()), event)).get();
            }
        }
    }

    @Test
    void anAdminErasesACustomerByIdentifierAndSeesEachServicesPart() throws Exception {
        publish(interaction("er-c1", Channel.CALL, at(0), CARA).withIngestedAt(Instant.now()),
                feedback("er-s1", Channel.CALL, at(1), CARA, Metric.NPS, 1, "Cara's complaint").withIngestedAt(Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/v1/customers/{id}", CARA_ID).then().statusCode(200).body("feedbackCount", equalTo(1)));

        String location = given().contentType("application/json").body("{\"email\": \"Cara.Erase@example.com\"}")
                .post("/v1/erasures")
                .then().statusCode(202)
                .header("Location", matchesPattern(".*/v1/erasures/er-[0-9a-f-]{36}"))
                .body("customerId", equalTo(CARA_ID))
                .body("status", equalTo("pending"))
                .body("services.'profile-service'.status", equalTo("pending"))
                .extract().header("Location");
        String path = location.substring(location.indexOf("/v1/erasures/"));

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get(path).then().statusCode(200)
                        .body("services.'profile-service'.status", equalTo("done"))
                        .body("services.'profile-service'.completedAt", notNullValue())
                        .body("services.'scoring-service'.status", equalTo("pending"))
                        .body("services.'raw-topics'.status", equalTo("pending"))
                        .body("services.'raw-topics'.readableUntil", notNullValue())
                        .body("status", equalTo("pending")));
        given().get("/v1/customers/{id}", CARA_ID).then().statusCode(404);
        given().queryParam("phone", "+44 20 7946 0123").get("/v1/customers").then().statusCode(404);
    }

    @Test
    void onlyAnAdminMayEraseAndARequestNamesOneCustomerExactly() {
        TestTokens.as("lead@example.com", List.of(Roles.LEAD), List.of("billing")).contentType("application/json")
                .body("{\"customerId\": \"" + CARA_ID + "\"}").post("/v1/erasures").then().statusCode(403);
        given().contentType("application/json").body("{\"customerId\": \"ann@example.com\"}").post("/v1/erasures")
                .then().statusCode(400).body("errors[0].field", equalTo("customerId"));
        given().contentType("application/json").body("{\"customerId\": \"" + CARA_ID + "\", \"email\": \"x@example.com\"}")
                .post("/v1/erasures").then().statusCode(400).body("errors[0].field", equalTo("customerId"));
        given().contentType("application/json").body("{}").post("/v1/erasures").then().statusCode(400);
        given().contentType("application/json").body("{\"email\": \"nobody-here@example.com\"}").post("/v1/erasures")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/erasures/er-00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }
}
