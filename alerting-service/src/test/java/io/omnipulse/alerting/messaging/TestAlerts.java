package io.omnipulse.alerting.messaging;

import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.awaitility.Awaitility.await;

import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Reads alerts back over REST, waiting with a deadline (never sleeping). */
final class TestAlerts {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    private TestAlerts() {
    }

    /** Waits until the subject has exactly one alert with {@code triggers} triggers; returns its detail. */
    static JsonPath awaitAlertWithTriggers(String key, int triggers) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    List<Integer> ids = alertsOf(key);
                    return ids.size() != 1 ? null : detail(ids.get(0));
                }, alert -> alert != null && alert.getList("triggers").size() == triggers);
    }

    static JsonPath detail(long id) {
        return given().get("/v1/alerts/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    static List<Integer> alertsOf(String key) {
        return given().queryParam("customerId", key).get("/v1/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Integer.class);
    }

    static String customerId(String email) {
        return CustomerKeys.customerId(new CustomerIds(null, email, null, null, null));
    }

    static String uniqueEmail() {
        return "cust-" + UUID.randomUUID() + "@example.com";
    }

    static String uniqueId() {
        return "evt-" + UUID.randomUUID();
    }
}
