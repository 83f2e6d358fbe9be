package io.omnipulse.profile.health;

import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Readiness is DOWN once the Kafka Streams client stops processing, whatever the topics check says. */
@QuarkusTest
@TestProfile(StreamsReadinessTest.OwnApplication.class)
@WithTestResource(KafkaTestResource.class)
class StreamsReadinessTest {

    private static final String CHECK = "Kafka Streams is processing";

    @Inject
    KafkaStreams streams;

    @Test
    void readinessGoesDownWhenTheStreamsClientStops() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == '" + CHECK + "' }.status", equalTo("UP")));

        streams.close(Duration.ofSeconds(30));

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == '" + CHECK + "' }.status", equalTo("DOWN"))
                        .body("checks.find { it.name == '" + CHECK + "' }.data.state", equalTo("NOT_RUNNING")));
        given().when().get("/q/health/ready").then().body("checks.name", hasItem(CHECK));
    }

    /** Its own application instance: the client this test stops must not be the one other tests use. */
    public static class OwnApplication implements QuarkusTestProfile {
    }
}
