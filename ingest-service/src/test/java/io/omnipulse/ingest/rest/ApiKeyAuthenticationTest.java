package io.omnipulse.ingest.rest;

import static io.omnipulse.ingest.rest.Payloads.batch;
import static io.omnipulse.ingest.rest.Payloads.npsFeedback;
import static io.omnipulse.ingest.rest.Payloads.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.TestTokens;
import io.omnipulse.security.Roles;
import io.omnipulse.events.ContactEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Only a source's API key may post, as one of its sources (the key file of the tests:
 * src/test/resources/test-api-keys.json). Every refusal is a problem document; nothing refused is published.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ApiKeyAuthenticationTest {

    private static void refusedAs401(RequestSpecification request, String detail) {
        String eventId = uniqueId("anon");
        try (ContactEventsTopic topic = ContactEventsTopic.fromNow()) {
            request.contentType(ContentType.JSON).body(npsFeedback(eventId, "ann@example.com", "3"))
                    .when().post("/v1/events")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Basic"))
                    .body("type", is("https://omnipulse.io/problems/unauthenticated"))
                    .body("detail", containsString(detail));
            // The probe event goes through with a valid key; the refused one must not be before it.
            TestSource.given().contentType(ContentType.JSON).body(npsFeedback(uniqueId("probe"), "bob@example.com", "9"))
                    .when().post("/v1/events").then().statusCode(202);
            assertThat(topic.awaitRecords(1, e -> e.eventId().startsWith("probe")))
                    .extracting(r -> r.value().eventId()).doesNotContain(eventId);
        }
    }

    @Test
    void withoutAKeyAPostIs401AndNothingIsPublished() {
        refusedAs401(RestAssured.given(), "a credential is required");
    }

    @Test
    void anUnknownRevokedMalformedOrWronglySignedKeyIs401() {
        refusedAs401(RestAssured.given().header("X-API-Key", TestSource.REVOKED_KEY), "not accepted");
        refusedAs401(RestAssured.given().header("X-API-Key", "opk_testsrc1_aWrongSecretOfTheRightForm000000"), "not accepted");
        refusedAs401(RestAssured.given().header("X-API-Key", "letmein"), "not accepted");
        refusedAs401(RestAssured.given().header("X-API-Key", "opk_nosuchk1_testOnlySecretNotForProductionUse0123"),
                "not accepted");
    }

    @Test
    void theKeyMayComeAsTheUserNameOfHttpBasicAsSegmentSourcesSendIt() {
        String basic = Base64.getEncoder().encodeToString((TestSource.KEY + ":").getBytes(StandardCharsets.UTF_8));
        RestAssured.given().header("Authorization", "Basic " + basic).contentType(ContentType.JSON)
                .body(npsFeedback(uniqueId("basic"), "ann@example.com", "3"))
                .when().post("/v1/events").then().statusCode(202);
    }

    @Test
    void anEventWithoutSourceIsPublishedAsTheKeysAndOneNamingAnotherSourceIs403NamingIt() {
        String anonymous = uniqueId("nosrc");
        String withoutSource = npsFeedback(anonymous, "ann@example.com", "3").replace("\"source\":\"survey-tool\",", "");
        try (ContactEventsTopic topic = ContactEventsTopic.fromNow()) {
            TestSource.given().contentType(ContentType.JSON).body(withoutSource)
                    .when().post("/v1/events").then().statusCode(202);
            ContactEvent published = topic.awaitRecords(1, e -> e.eventId().equals(anonymous)).get(0).value();
            assertThat(published.source()).isEqualTo(TestSource.PRIMARY);
        }

        String spoofed = npsFeedback(uniqueId("spoof"), "ann@example.com", "3").replace("survey-tool", "zendesk");
        TestSource.given().contentType(ContentType.JSON).body(batch(npsFeedback(uniqueId("ok"), "ann@example.com", "9"), spoofed))
                .when().post("/v1/events")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", is("https://omnipulse.io/problems/source-not-allowed"))
                .body("errors[0].field", is("[1].source"))
                .body("errors[0].message", containsString("test-source"));
    }

    @Test
    void aChannelPayloadNamingAnotherSourceIs403HealthStaysOpenAndMetricsAreForOperators() {
        TestSource.given().contentType(ContentType.JSON).body("""
                {"source":"zendesk","messageId":"m-%s","from":"ann@example.com","receivedAt":"2026-11-29T10:00:00Z",
                 "subject":"hi","text":"hello"}""".formatted(uniqueId("m")))
                .when().post("/v1/channels/email")
                .then().statusCode(403).body("errors[0].field", is("source"));
        RestAssured.given().contentType(ContentType.JSON).body("{}").when().post("/v1/channels/email").then().statusCode(401);
        RestAssured.given().when().get("/q/metrics").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"))
                .body("type", is("https://omnipulse.io/problems/unauthenticated"))
                .body("detail", containsString("a credential is required"));
        RestAssured.given().header("X-API-Key", "letmein").when().get("/q/openapi").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("not accepted"));
        TestSource.given().when().get("/q/metrics").then().statusCode(403)
                .contentType("application/problem+json").body("type", is("https://omnipulse.io/problems/forbidden"))
                .body("instance", is("/q/metrics"));
        TestSource.asOps().when().get("/q/metrics").then().statusCode(200);
        TestSource.asOps().when().get("/q/openapi").then().statusCode(200);
        // An operator's bearer token reads metrics too; a token never posts, whatever roles it names.
        TestTokens.as("ops@example.com", List.of(Roles.OPS), List.of()).get("/q/metrics").then().statusCode(200);
        TestTokens.as("mallory@example.com", List.of(Roles.INGEST), List.of()).contentType(ContentType.JSON)
                .body(npsFeedback(uniqueId("tok"), "ann@example.com", "3")).when().post("/v1/events")
                .then().statusCode(403).contentType("application/problem+json");
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
        RestAssured.given().when().get("/q/health/live").then().statusCode(200);
    }
}
