package io.omnipulse.alerting.rest;

import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The HTTP contract: paging, problem documents for bad input, and readiness. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AlertResourceTest {

    @Test
    void anUnknownAlertIsA404Problem() {
        given().get("/v1/alerts/999999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("999999"));
    }

    @Test
    void anUnknownStatusIsA400ProblemNamingTheParameter() {
        given().queryParam("status", "bogus").get("/v1/alerts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("status"))
                .body("detail", containsString("bogus"));
    }

    @Test
    void anUnknownCauseIsA400ProblemNamingTheParameter() {
        given().queryParam("cause", "weather").get("/v1/alerts")
                .then().statusCode(400)
                .body("errors.field", hasItem("cause"));
    }

    @Test
    void pageSizesAboveTheLimitAreRejected() {
        given().queryParam("size", 201).get("/v1/alerts")
                .then().statusCode(400)
                .body("errors.field", hasItem("size"));
        given().queryParam("page", -1).get("/v1/alerts")
                .then().statusCode(400)
                .body("errors.field", hasItem("page"));
    }

    @Test
    void theListIsPagedWithDefaults() {
        given().queryParam("status", "open").get("/v1/alerts")
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("total", greaterThanOrEqualTo(0));
    }

    @Test
    void theOpenApiDocumentSaysWhatAnAlertsContactIs() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas.AlertView.properties.contact.description",
                        containsString("How to reach the customer"))
                .body("components.schemas.AlertContact.properties.keySet()",
                        hasItems("email", "phone", "crmId", "handle", "chatVisitorId", "lastChannel", "best"))
                .body("components.schemas.AlertContact.properties.keySet()", not(hasItem("lastChannelAt")));
    }

    @Test
    void readinessReportsTheDatabaseAndKafka() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Reactive Messaging")));
    }
}
