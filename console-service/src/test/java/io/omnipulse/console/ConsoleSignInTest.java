package io.omnipulse.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;

import io.omnipulse.devstack.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's own rules, with nothing behind it (no alerting-, profile- or scoring-service listens on
 * the configured port): who is signed in, what is refused, and that it says so in words.
 */
@QuarkusTest
@TestProfile(ConsoleSignInTest.LocalStack.class)
class ConsoleSignInTest {

    static final String LOCAL_PERSON = "local-lead@example.com";

    /** As the launcher starts it: a local token for requests without a credential, services nowhere. */
    public static class LocalStack implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String nowhere = "http://localhost:1";
            return Map.of("omnipulse.console.local-token", TestTokens.token(LOCAL_PERSON, List.of("lead"),
                    List.of("billing")), "quarkus.rest-client.alerting.url", nowhere,
                    "quarkus.rest-client.profile.url", nowhere, "quarkus.rest-client.scoring.url", nowhere);
        }
    }

    @Test
    void withoutACredentialThePageIsTheLocalPersonsAndSaysAlertingDidNotAnswer() {
        given().get("/")
                .then().statusCode(200).contentType("text/html")
                .body(containsString("Signed in as <strong>" + LOCAL_PERSON + "</strong> · teams billing"))
                .body(containsString("alerting-service did not answer"));
    }

    @Test
    void aBadTokenIsASignInPageNotTheLocalPerson() {
        given().auth().oauth2("not.a.token").get("/")
                .then().statusCode(401).contentType("text/html")
                .body(containsString("Your sign-in was not accepted"));
    }

    @Test
    void metricsAndOpenApiAskForTheOperatorsOwnCredential() {
        given().get("/q/metrics").then().statusCode(401);
        given().get("/q/openapi").then().statusCode(401);
        TestTokens.as("ops@example.com", List.of("ops"), List.of()).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void aFormSentFromAnotherSiteIsRefused() {
        given().header("Sec-Fetch-Site", "cross-site").post("/alerts/1/acknowledge")
                .then().statusCode(403).body(containsString("another site"));
        given().header("Origin", "https://evil.example").post("/alerts/1/acknowledge")
                .then().statusCode(403);
    }

    @Test
    void anActionThatAlertingCannotTakeSaysSoAndChangesNothing() {
        given().header("Sec-Fetch-Site", "same-origin").contentType("application/x-www-form-urlencoded")
                .post("/alerts/1/acknowledge")
                .then().statusCode(503).contentType("text/html")
                .body(containsString("did not answer"));
    }

    @Test
    void anAnalystIsSentToTheNumbersNotTheQueue() {
        TestTokens.as("analyst@example.com", List.of("analyst"), List.of()).redirects().follow(false).get("/")
                .then().statusCode(303).header("Location", endsWith("/numbers"));
    }

    @Test
    void aServiceThatDoesNotAnswerIsCountedForOperators() {
        given().get("/").then().statusCode(200);
        TestTokens.as("ops@example.com", List.of("ops"), List.of()).get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("omnipulse_console_service_unanswered_total{service=\"alerting-service\"}"));
    }

    @Test
    void notReadyWhileAlertingIsUnreachable() {
        given().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.name", hasItem("alerting-service reachable"));
    }
}
