package io.omnipulse.alerting.messaging;

import static io.omnipulse.alerting.messaging.TestAlerts.awaitAlertWithTriggers;
import static io.omnipulse.alerting.messaging.TestAlerts.customerId;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueEmail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.omnipulse.alerting.testing.NotificationReceiversResource;
import io.omnipulse.devstack.DevTokens;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.devstack.testkit.TestTokens;
import io.omnipulse.security.Roles;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * People read and act on alerts with a bearer token that is signed by the identity provider's key,
 * for this issuer and audience, and not expired; roles decide what they may do and the teams claim
 * which alerts. Every refusal is a problem document.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(value = NotificationReceiversResource.class, scope = TestResourceScope.GLOBAL)
class BearerTokenTest {

    private static Map<String, Object> claims(String issuer, String audience, long expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", "eve@example.com");
        claims.put("groups", List.of(Roles.ADMIN));
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", expiresAt);
        return claims;
    }

    private static void refused(String token) {
        RestAssured.given().auth().oauth2(token).get("/v1/alerts").then().statusCode(401)
                .contentType("application/problem+json").body("type", is("https://omnipulse.io/problems/unauthenticated"));
    }

    private static long raiseFor(String team) {
        String email = uniqueEmail();
        try (ResolvedEventProducer producer = new ResolvedEventProducer()) {
            Instant at = Instant.now();
            producer.send(ResolvedEventProducer.interaction(uniqueId(), email, "conv-" + team, team, 0, 30, at));
            producer.send(ResolvedEventProducer.npsRating(uniqueId(), email, 2, "no answer", "conv-" + team, at.plusSeconds(60)));
        }
        return awaitAlertWithTriggers(customerId(email), 1).getLong("id");
    }

    private static RequestSpecification lead(String team) {
        return TestTokens.as("lead-" + team + "@example.com", List.of(Roles.LEAD), List.of(team));
    }

    @Test
    void withoutAValidTokenEveryAlertEndpointIs401MetricsAreForOperatorsAndHealthIsOpen() throws Exception {
        RestAssured.given().get("/v1/alerts").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().contentType(ContentType.JSON).body("{}").post("/v1/alerts/1/acknowledge").then().statusCode(401);
        long future = Instant.now().plusSeconds(600).getEpochSecond();

        String unsigned = DevTokensParts.unsigned(claims(DevTokens.ISSUER, DevTokens.AUDIENCE, future));
        refused(unsigned);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        DevTokens stranger = new DevTokens(generator.generateKeyPair().getPrivate());
        refused(stranger.sign(Map.of("alg", "RS256", "typ", "JWT"), claims(DevTokens.ISSUER, DevTokens.AUDIENCE, future)));
        refused(TestTokens.SIGNER.sign(Map.of("alg", "RS256"), claims(DevTokens.ISSUER, DevTokens.AUDIENCE,
                Instant.now().minusSeconds(600).getEpochSecond())));
        refused(TestTokens.SIGNER.sign(Map.of("alg", "RS256"), claims("https://evil.example.com", DevTokens.AUDIENCE, future)));
        refused(TestTokens.SIGNER.sign(Map.of("alg", "RS256"), claims(DevTokens.ISSUER, "another-app", future)));
        refused("not.a.token");

        RestAssured.given().get("/q/metrics").then().statusCode(401);
        TestTokens.as("lead@example.com", List.of(Roles.LEAD), List.of("billing")).get("/q/metrics").then().statusCode(403);
        TestTokens.as("ops@example.com", List.of(Roles.OPS), List.of()).get("/q/metrics").then().statusCode(200);
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        RestAssured.given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aLeadSeesAndActsOnTheirTeamsAlertsOnlyAndTheAuditRecordsTheirSubject() {
        String billingTeam = "billing-" + uniqueId();
        long billing = raiseFor(billingTeam);
        String otherTeam = "care-" + uniqueId();
        long care = raiseFor(otherTeam);

        lead(billingTeam).get("/v1/alerts/{id}", billing).then().statusCode(200);
        lead(billingTeam).get("/v1/alerts/{id}", care).then().statusCode(403)
                .contentType("application/problem+json").body("type", is("https://omnipulse.io/problems/forbidden"));
        lead(billingTeam).contentType(ContentType.JSON).body("{}").post("/v1/alerts/{id}/acknowledge", care)
                .then().statusCode(403);
        List<Integer> listed = lead(billingTeam).queryParam("size", "200").get("/v1/alerts").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Integer.class);
        assertThat(listed).contains((int) billing).doesNotContain((int) care);
        assertThat(lead(billingTeam).get("/v1/alerts?team=" + otherTeam).then().statusCode(200).extract().jsonPath()
                .getList("items")).as("asking for another team's alerts lists none").isEmpty();

        lead(billingTeam).contentType(ContentType.JSON).body("{\"actor\":\"someone-else@example.com\"}")
                .post("/v1/alerts/{id}/acknowledge", billing).then().statusCode(200)
                .body("acknowledgedBy", is("lead-" + billingTeam + "@example.com"));
        TestTokens.given().get("/v1/alerts/{id}", care).then().statusCode(200);
    }

    @Test
    void anAnalystReadsTheKpisButNotTheAlerts() {
        RequestSpecification analyst = TestTokens.as("ana@example.com", List.of(Roles.ANALYST), List.of());
        analyst.get("/v1/alerts/stats").then().statusCode(200);
        TestTokens.as("ana@example.com", List.of(Roles.ANALYST), List.of()).get("/v1/alerts").then().statusCode(403)
                .contentType("application/problem+json");
    }

    /** A token with "alg": "none" and no signature, as an attacker would forge one. */
    private static final class DevTokensParts {
        static String unsigned(Map<String, Object> claims) {
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            return url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + url.encodeToString(json(claims).getBytes(StandardCharsets.UTF_8)) + ".";
        }

        private static String json(Map<String, Object> claims) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(claims);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
