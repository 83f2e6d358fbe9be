package io.omnipulse.alerting.messaging;

import static io.omnipulse.alerting.messaging.TestAlerts.DEADLINE;
import static io.omnipulse.alerting.messaging.TestAlerts.alertsOf;
import static io.omnipulse.alerting.messaging.TestAlerts.awaitAlertWithTriggers;
import static io.omnipulse.alerting.messaging.TestAlerts.customerId;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueEmail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueId;
import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.alerting.lifecycle.OutageTolerantInterceptor;
import io.omnipulse.alerting.testing.UnreliablePostgresResource;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.LogCapture;
import io.omnipulse.events.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL unreachable for a while (its port closed and every pooled connection dropped, through
 * a proxy in front of the real server) while detractors keep arriving: the channel waits, readiness
 * says so, nothing is dead-lettered, and once the database is back every detractor has its alert.
 * The scheduled jobs wait as well: one line when they stop and one when they run again, no errors.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(UnreliablePostgresResource.class)
class DatabaseOutageFlowTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** Cuts (false) or restores (true) the way to PostgreSQL; set by UnreliablePostgresResource. */
    Consumer<Boolean> postgresReachable;

    @AfterEach
    void restore() {
        postgresReachable.accept(true);
    }

    @Test
    void detractorsArrivingWhilePostgresIsAwayEachGetOneAlertOnceItIsBack() {
        ResolvedEventProducer events = new ResolvedEventProducer();
        try (RawTopics raw = new RawTopics();
                LogCapture jobs = LogCapture.of(Level.INFO, "io.quarkus.scheduler", OutageTolerantInterceptor.class.getName())) {
            String first = uniqueEmail();
            events.send(ResolvedEventProducer.nps(uniqueId(), first, 2, "before", T0));
            awaitAlertWithTriggers(customerId(first), 1);
            awaitConsumers("UP");

            postgresReachable.accept(false);
            List<String> during = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String email = uniqueEmail();
                during.add(email);
                events.send(ResolvedEventProducer.nps(uniqueId(), email, i, "while the database was away", T0));
            }
            JsonPath down = awaitConsumers("DOWN");
            assertThat(down.getMap("checks.find { it.name == 'alerting-consumers' }.data").values())
                    .anySatisfy(state -> assertThat(state.toString()).startsWith("retrying"));
            // Several attempts failed and the channel is still there: liveness stays UP throughout.
            double before = retries();
            await().atMost(DEADLINE).until(() -> retries() >= before + 3);
            given().get("/q/health/live").then().statusCode(200);

            postgresReachable.accept(true);
            for (String email : during) {
                assertThat(awaitAlertWithTriggers(customerId(email), 1).getString("cause")).isEqualTo("DETRACTOR");
                assertThat(alertsOf(customerId(email))).hasSize(1);
            }
            awaitConsumers("UP");
            given().get("/q/health/live").then().statusCode(200);
            assertThat(raw.deadLettersFrom(Topics.RESOLVED_EVENTS.name()).stream()
                    .map(r -> new String(r.key(), java.nio.charset.StandardCharsets.UTF_8))
                    .filter(key -> during.stream().map(TestAlerts::customerId).anyMatch(key::equals)))
                    .as("no record dead-lettered because the database was away").isEmpty();
            // The scheduled jobs (the outbox relay runs every 0.2 s here) waited too, saying so once each.
            await().atMost(DEADLINE).until(() -> jobs.lines().stream().anyMatch(line -> line.message().equals("OutboxRelay runs again")));
            assertThat(jobs.lines()).filteredOn(line -> line.atLeast(Level.SEVERE)).as("errors logged by the scheduled jobs").isEmpty();
            // One line when it stopped, one when it ran again: not one per failed run (every 0.2 s).
            List<String> relay = jobs.lines().stream().map(LogCapture.Line::message)
                    .filter(m -> m.startsWith("OutboxRelay ")).map(m -> m.startsWith("OutboxRelay stopped for now") ? "stopped" : m)
                    .toList();
            assertThat(relay).as("the relay's log lines").startsWith("stopped", "OutboxRelay runs again");
            for (int i = 1; i < relay.size(); i++) {
                assertThat(relay.get(i)).as("line %d of %s", i, relay).isNotEqualTo(relay.get(i - 1));
            }
        } finally {
            events.close();
        }
    }

    private static double retries() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("omnipulse_alerting_consumer_retries_total{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Waits until the alerting-consumers readiness check reports {@code status}; answers the health document. */
    private static JsonPath awaitConsumers(String status) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").then().extract().jsonPath(),
                        health -> status.equals(health.getString("checks.find { it.name == 'alerting-consumers' }.status")));
    }
}
