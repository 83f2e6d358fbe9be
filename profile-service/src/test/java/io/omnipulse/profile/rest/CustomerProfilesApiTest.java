package io.omnipulse.profile.rest;

import static io.omnipulse.devstack.testkit.TestTokens.given;
import static io.omnipulse.profile.TestEvents.annByCall;
import static io.omnipulse.profile.TestEvents.annByChat;
import static io.omnipulse.profile.TestEvents.annByEmail;
import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.feedback;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.omnipulse.devstack.Ports;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.TestTokens;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Topics;
import io.omnipulse.queries.OwnerForwarder;
import io.omnipulse.queries.QuerySettings;
import io.omnipulse.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service wired together against a real broker: events in, profiles out over HTTP. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class CustomerProfilesApiTest {

    private static final String ANN = CustomerKeys.customerId(annByEmail());
    /** Bob writes first, chats anonymously later, then chats logged in: two customers that merge. */
    private static final CustomerIds BOB_BY_EMAIL = new CustomerIds(null, "bob.api@example.com", null, null, null);
    private static final CustomerIds BOB_IN_CHAT = new CustomerIds(null, null, null, null, "v-bob-api");
    private static final CustomerIds BOB_LOGGED_IN = new CustomerIds(null, "Bob.Api@example.com", null, null, "v-bob-api");
    private static final String BOB = CustomerKeys.customerId(BOB_BY_EMAIL);
    private static final String BOB_VISITOR = CustomerKeys.customerId(BOB_IN_CHAT);

    @Inject
    QuerySettings querySettings;

    /** Another instance's forwarder, asking with the caller's (an admin's) token as a forwarded query does. */
    OwnerForwarder forwarder;

    @BeforeEach
    void forwardAsAnAdmin() {
        String token = TestTokens.token("admin@example.com", List.of(Roles.ADMIN), List.of());
        forwarder = new OwnerForwarder(querySettings, () -> Map.of("Authorization", "Bearer " + token));
    }

    @BeforeAll
    static void publishAnnsContacts() throws Exception {
        var topic = Topics.CONTACT_EVENTS;
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.ACKS_CONFIG, "all");
        List<ContactEvent> contacts = List.of(
                interaction("api-e1", Channel.EMAIL, at(0), annByEmail()),
                interaction("api-h1", Channel.CHAT, at(20), annByChat()),
                interaction("api-c1", Channel.CALL, at(10), annByCall()),
                feedback("api-s1", Channel.CALL, at(15), annByCall(), Metric.NPS, 4, "Transferred twice"),
                interaction("api-b2", Channel.CHAT, at(5), BOB_IN_CHAT),
                interaction("api-b1", Channel.EMAIL, at(0), BOB_BY_EMAIL),
                interaction("api-b3", Channel.CHAT, at(30), BOB_LOGGED_IN));
        try (var producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (ContactEvent event : contacts) {
                producer.send(new ProducerRecord<>(topic.name(), CustomerKeys.customerId(event.customer()), event)).get();
            }
        }
    }

    @Test
    void contactsOnThreeChannelsShowUpAsOneProfileFoundByAnyIdentifier() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().queryParam("email", " Ann@Example.com ")
                        .when().get("/v1/customers")
                        .then().statusCode(200)
                        .body("customerId", equalTo(ANN))
                        .body("channels.keySet()", containsInAnyOrder("email", "chat", "call"))
                        .body("feedbackCount", equalTo(1)));

        given().queryParam("phone", "+44 20 7946 0958").when().get("/v1/customers")
                .then().statusCode(200).body("customerId", equalTo(ANN));
        // The same lookups with the identifier in a POST body, out of the URL (and of access logs).
        given().contentType("application/json").body("{\"email\": \" Ann@Example.com \"}")
                .when().post("/v1/customers/lookup")
                .then().statusCode(200).body("customerId", equalTo(ANN));
        given().contentType("application/json").body("{\"phone\": \"+44 20 7946 0958\"}")
                .when().post("/v1/customers/lookup")
                .then().statusCode(200).body("customerId", equalTo(ANN));
        given().contentType("application/json").body("{\"email\": \"nobody@example.com\"}")
                .when().post("/v1/customers/lookup")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("chatVisitorId", "v-42").when().get("/v1/customers")
                .then().statusCode(200).body("customerId", equalTo(ANN));

        var profile = given().when().get("/v1/customers/{id}", ANN)
                .then().statusCode(200)
                .body("interactionCount", equalTo(3))
                .body("latestNps.score", equalTo(4))
                .body("$", not(hasKey("recentEventKeys")))
                .extract().jsonPath();
        List<String> journeyOfProfile = profile.getList("journey.eventId");
        assertThat(journeyOfProfile).containsExactly("api-e1", "api-c1", "api-s1", "api-h1");

        List<String> journey = given().when().get("/v1/customers/{id}/journey", ANN)
                .then().statusCode(200).extract().jsonPath().getList("eventId");
        assertThat(journey).isEqualTo(journeyOfProfile);
    }

    @Test
    void aMergedIdAnswersWithTheSurvivorAndBothListTheMerge() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().when().get("/v1/customers/{id}", BOB_VISITOR)
                        .then().statusCode(200)
                        .header(CustomerResource.MERGED_INTO_HEADER, BOB)
                        .body("customerId", equalTo(BOB))
                        .body("interactionCount", equalTo(3))
                        .body("channels.keySet()", containsInAnyOrder("email", "chat")));

        given().queryParam("chatVisitorId", "v-bob-api").when().get("/v1/customers")
                .then().statusCode(200).body("customerId", equalTo(BOB));
        // The survivor's merge list is written by its own store update, which may land a moment
        // after the merged id's pointer: wait for it as well.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().when().get("/v1/customers/{id}/merges", BOB)
                        .then().statusCode(200)
                        .body("mergedId", contains(BOB_VISITOR))
                        .body("survivorId", contains(BOB))
                        .body("linkingEventId", contains("api-b3")));
        given().when().get("/v1/customers/{id}/merges", BOB_VISITOR)
                .then().statusCode(200).body("survivorId", contains(BOB));
        List<String> journey = given().when().get("/v1/customers/{id}/journey", BOB_VISITOR)
                .then().statusCode(200).header(CustomerResource.MERGED_INTO_HEADER, BOB)
                .extract().jsonPath().getList("eventId");
        assertThat(journey).containsExactly("api-b1", "api-b2", "api-b3");
        given().when().get("/v1/customers/{id}/merges", "cus-0000000000000000").then().statusCode(404);

        // Asked through another instance, the caller still learns which survivor answered.
        Response relayed = forwarder.forward("localhost", RestAssured.port, "/v1/customers/" + BOB_VISITOR, 0);
        assertThat(relayed.getStatus()).isEqualTo(200);
        assertThat(relayed.getHeaderString(CustomerResource.MERGED_INTO_HEADER)).isEqualTo(BOB);
    }

    @Test
    void unknownCustomerIsA404Problem() {
        awaitRunning();
        given().when().get("/v1/customers/{id}", "cus-0000000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().queryParam("email", "nobody@example.com").when().get("/v1/customers")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void profilesNeedABearerTokenOfARoleThatMaySeeIdentifiers() {
        RestAssured.given().get("/v1/customers/{id}", ANN).then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("https://omnipulse.io/problems/unauthenticated"));
        TestTokens.as("ana@example.com", List.of(Roles.ANALYST), List.of()).get("/v1/customers/{id}", ANN)
                .then().statusCode(403).contentType("application/problem+json");
        TestTokens.as("ann-lead@example.com", List.of(Roles.LEAD), List.of("billing"))
                .contentType("application/json").body("{\"email\": \"nobody-at-all@example.com\"}")
                .post("/v1/customers/lookup").then().statusCode(404);
        RestAssured.given().get("/q/health/live").then().statusCode(200);
    }

    /** Ann's contacts were all with team billing: its lead and agents see her, another team's get 403. */
    @Test
    void agentsAndLeadsSeeTheCustomersOfTheirTeamsOnly() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                TestTokens.as("billing-lead@example.com", List.of(Roles.LEAD), List.of("billing"))
                        .get("/v1/customers/{id}", ANN).then().statusCode(200).body("customerId", equalTo(ANN)));
        TestTokens.as("agent@example.com", List.of(Roles.AGENT), List.of("technical", "billing"))
                .get("/v1/customers/{id}/journey", ANN).then().statusCode(200);
        for (String path : List.of("/v1/customers/{id}", "/v1/customers/{id}/journey", "/v1/customers/{id}/merges")) {
            TestTokens.as("tech-lead@example.com", List.of(Roles.LEAD), List.of("technical")).get(path, ANN)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://omnipulse.io/problems/forbidden"));
        }
        TestTokens.as("tech-lead@example.com", List.of(Roles.LEAD), List.of("technical"))
                .contentType("application/json").body("{\"email\": \"ann@example.com\"}")
                .post("/v1/customers/lookup").then().statusCode(403);
        TestTokens.as("no-team-agent@example.com", List.of(Roles.AGENT), List.of())
                .get("/v1/customers/{id}", ANN).then().statusCode(403);
    }

    @Test
    void lookupNeedsExactlyOneIdentifier() {
        given().when().get("/v1/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("email", "phone", "handle", "crmId", "chatVisitorId"));
        given().queryParam("email", "ann@example.com").queryParam("phone", "+4420")
                .when().get("/v1/customers")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("email", "phone"));
        given().queryParam("phone", "n/a").when().get("/v1/customers")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("phone"));
        given().contentType("application/json").body("{}").when().post("/v1/customers/lookup")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("email", "phone", "handle", "crmId", "chatVisitorId"));
        given().contentType("application/json").body("{\"email\": \"a@example.com\", \"crmId\": \"c-1\"}")
                .when().post("/v1/customers/lookup")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("email", "crmId"));
    }

    @Test
    void readinessIsUpAndFoldedEventsAreCounted() {
        awaitRunning();
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).containsPattern("omnipulse_profile_events_folded_total(\\{[^}]*\\})? [4-9]")
                    .containsPattern("omnipulse_profile_customers_merged_total(\\{[^}]*\\})? [1-9]");
        });
    }

    @Test
    void forwarderRelaysTheOwnersAnswerAndGivesUpWithA503() throws Exception {
        awaitRunning();
        Response journey = forwarder.forward("localhost", RestAssured.port, "/v1/customers/" + ANN + "/journey", 0);
        assertThat(journey.getStatus()).isEqualTo(200);
        assertThat((String) journey.getEntity()).contains("api-e1");

        Response unknown = forwarder.forward("localhost", RestAssured.port, "/v1/customers/cus-0000000000000000", 0);
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getMediaType().toString()).startsWith("application/problem+json");

        assertThatThrownBy(() -> forwarder.forward("localhost", RestAssured.port, "/v1/customers/" + ANN, 2))
                .isInstanceOf(ServiceUnavailableException.class);
        int closedPort = Ports.free();
        assertThatThrownBy(() -> forwarder.forward("localhost", closedPort, "/v1/customers/" + ANN, 0))
                .isInstanceOfSatisfying(ServiceUnavailableException.class,
                        e -> assertThat(e.getResponse().getHeaderString("Retry-After")).isEqualTo("1"));
    }

    /** Stores answer 503 until Kafka Streams runs; wait for that, not for a fixed time. */
    private static void awaitRunning() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().when().get("/v1/customers/{id}", ANN).then().statusCode(200));
    }
}
