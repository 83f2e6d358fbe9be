package io.omnipulse.scoring.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.TestTokens;
import io.omnipulse.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A person past their rate limit (here 1 request a second, 3 saved up) gets 429 with Retry-After and a
 * problem document; another person is served meanwhile.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(PeopleRateLimitTest.SlowPeople.class)
class PeopleRateLimitTest {

    public static class SlowPeople implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("omnipulse.security.people-rate-limit.requests-per-second", "1",
                    "omnipulse.security.people-rate-limit.burst", "3");
        }
    }

    private static final String QUERY = "/v1/scores?scope=global&key=all&window=all";

    @Test
    void aPersonPastTheLimitGets429WithRetryAfterWhileAnotherIsServed() {
        // Ready first (health is open and not limited), so that no request is spent on a 503.
        await().atMost(Duration.ofSeconds(60)).until(() -> RestAssured.get("/q/health/ready").statusCode() == 200);
        // Three saved up, then one a second: of ten requests sent one after the other, one is refused
        // unless the ten took more than seven seconds.
        Response refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            Response answer = TestTokens.as("eager@example.com", List.of(Roles.ANALYST), List.of()).get(QUERY);
            if (answer.statusCode() != 200) {
                assertThat(i).as("requests served before the first refusal").isGreaterThanOrEqualTo(3);
                refused = answer;
            }
        }
        assertThat(refused).as("a refusal among ten requests").isNotNull();
        refused.then()
                .statusCode(429)
                .header("Retry-After", "1")
                .contentType("application/problem+json")
                .body("type", is("https://omnipulse.io/problems/rate-limited"))
                .body("detail", containsString("rate limit"))
                .body("detail", not(containsString("eager")));
        TestTokens.as("calm@example.com", List.of(Roles.ANALYST), List.of()).get(QUERY).then().statusCode(200);
    }
}
