package io.omnipulse.alerting.messaging;

import static io.omnipulse.alerting.messaging.TestAlerts.alertsOf;
import static io.omnipulse.alerting.messaging.TestAlerts.awaitAlertWithTriggers;
import static io.omnipulse.alerting.messaging.TestAlerts.detail;
import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Effort indexes and team/channel scores on the real broker, produced here per the wire contract. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class SignalFlowTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aHighEffortIndexOpensOneAlertAndAReplayAddsNoTrigger() throws Exception {
        String customer = "cus-" + UUID.randomUUID();
        EffortIndexUpdated high = new EffortIndexUpdated(customer, 85, List.of("3 contacts in 48 h"), T0);
        EffortIndexUpdated higher = new EffortIndexUpdated(customer, 95, List.of("email then call"),
                T0.plusSeconds(60));
        try (var producer = producer(Topics.EFFORT_INDEX.valueSerde().serializer())) {
            send(producer, Topics.EFFORT_INDEX.name(), customer, new EffortIndexUpdated(customer, 40, List.of(), T0));
            send(producer, Topics.EFFORT_INDEX.name(), customer, high);
            send(producer, Topics.EFFORT_INDEX.name(), customer, high);
            send(producer, Topics.EFFORT_INDEX.name(), customer, higher);
        }
        JsonPath alert = awaitAlertWithTriggers(customer, 2);
        assertThat(alert.getString("cause")).isEqualTo("BEHAVIOURAL_EFFORT");
        assertThat(alert.getString("severity")).isEqualTo("HIGH");
        assertThat(alert.getInt("triggerCount")).isEqualTo(2);
        assertThat(alert.getString("reason")).contains("95").contains("email then call");
    }

    @Test
    void aTeamWhoseSevenDayNpsFallsBelowItsThirtyDayValueGetsOneAlert() throws Exception {
        String team = "team-" + UUID.randomUUID();
        try (var producer = producer(Topics.SCORE_UPDATES.valueSerde().serializer())) {
            send(producer, Topics.SCORE_UPDATES.name(), "team:" + team + ":30d", score("team", team, "30d", 200, 30.0, T0));
            // Too few answers in 7 days: no page.
            send(producer, Topics.SCORE_UPDATES.name(), "team:" + team + ":7d", score("team", team, "7d", 5, -60.0, T0));
            send(producer, Topics.SCORE_UPDATES.name(), "team:" + team + ":7d",
                    score("team", team, "7d", 40, 12.0, T0.plusSeconds(60)));
        }
        JsonPath alert = awaitAlertWithTriggers(team, 1);
        assertThat(alert.getString("scope")).isEqualTo("TEAM");
        assertThat(alert.getString("key")).isEqualTo(team);
        assertThat(alert.getString("team")).isEqualTo(team);
        assertThat(alert.getString("cause")).isEqualTo("NPS_DROP");
        assertThat(alert.getString("reason")).contains("7d 12.0 (n=40)").contains("30d 30.0 (n=200)");
        assertThat(alert.getString("customerId")).isNull();
        assertThat(alertsOf(team)).hasSize(1);
    }

    @Test
    void aLastingDropAddsATriggerOnlyWhenItDeepensRisesInSeverityOrAnHourHasPassed() throws Exception {
        String team = "team-" + UUID.randomUUID();
        String sevenDays = "team:" + team + ":7d";
        try (var producer = producer(Topics.SCORE_UPDATES.valueSerde().serializer())) {
            send(producer, Topics.SCORE_UPDATES.name(), "team:" + team + ":30d", score("team", team, "30d", 200, 30.0, T0));
            send(producer, Topics.SCORE_UPDATES.name(), sevenDays, score("team", team, "7d", 40, 12.0, T0.plusSeconds(60)));
            awaitAlertWithTriggers(team, 1);
            // One partition from here on (one key), read in order: the last update stored shows that
            // every update before it was handled.
            send(producer, Topics.SCORE_UPDATES.name(), sevenDays, score("team", team, "7d", 41, 12.4, T0.plusSeconds(120)));
            send(producer, Topics.SCORE_UPDATES.name(), sevenDays, score("team", team, "7d", 42, 14.0, T0.plusSeconds(180)));
            send(producer, Topics.SCORE_UPDATES.name(), sevenDays, score("team", team, "7d", 43, 11.0, T0.plusSeconds(240)));
            send(producer, Topics.SCORE_UPDATES.name(), sevenDays, score("team", team, "7d", 44, 9.0, T0.plusSeconds(300)));
            send(producer, Topics.SCORE_UPDATES.name(), sevenDays, score("team", team, "7d", 45, 9.2, T0.plusSeconds(360)));
            send(producer, Topics.SCORE_UPDATES.name(), sevenDays, score("team", team, "7d", 46, 10.0, T0.plusSeconds(3_900)));
        }
        JsonPath alert = awaitAlertWithTriggers(team, 4);
        // Opened at 12, deeper at 11, critical at 9 (21 points below), still there an hour later at 10.
        assertThat(alert.getList("triggers.score", Integer.class)).containsExactly(12, 11, 9, 10);
        assertThat(alert.getInt("triggerCount")).isEqualTo(4);
        assertThat(alert.getString("severity")).isEqualTo("CRITICAL");
        assertThat(alert.getString("reason")).contains("7d 10.0 (n=46)");
        assertThat(alert.getList("history.action", String.class)).filteredOn("TRIGGERED"::equals).hasSize(3);
    }

    @Test
    void aResolvedDropThatLastsOpensNoNewAlertUntilItIsWorse() throws Exception {
        String team = "team-" + UUID.randomUUID();
        String sevenDays = "team:" + team + ":7d";
        long resolved;
        try (var producer = producer(Topics.SCORE_UPDATES.valueSerde().serializer())) {
            send(producer, Topics.SCORE_UPDATES.name(), "team:" + team + ":30d", score("team", team, "30d", 200, 30.0, T0));
            send(producer, Topics.SCORE_UPDATES.name(), sevenDays, score("team", team, "7d", 40, 12.0, T0.plusSeconds(60)));
            resolved = awaitAlertWithTriggers(team, 1).getLong("id");
            given().contentType(ContentType.JSON).body("{\"outcome\":\"no_action\",\"note\":\"coaching booked\"}")
                    .post("/v1/alerts/{id}/resolve", resolved).then().statusCode(200);
            // The same drop a day later, then a deeper one: only the deeper one is a new alert (had the
            // first opened one, the second would have fed it).
            send(producer, Topics.SCORE_UPDATES.name(), sevenDays, score("team", team, "7d", 60, 13.0, T0.plusSeconds(86_400)));
            send(producer, Topics.SCORE_UPDATES.name(), sevenDays, score("team", team, "7d", 61, 11.0, T0.plusSeconds(86_460)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> alertsOf(team).size() == 2);
        long reopened = alertsOf(team).stream().mapToLong(Integer::longValue).filter(id -> id != resolved).findFirst()
                .orElseThrow();
        JsonPath alert = detail(reopened);
        assertThat(alert.getString("status")).isEqualTo("OPEN");
        assertThat(alert.getList("triggers.score", Integer.class)).containsExactly(11);
        assertThat(detail(resolved).getString("status")).isEqualTo("RESOLVED");
    }

    private static ScoreUpdated score(String scope, String key, String window, long n, double nps, Instant at) {
        return new ScoreUpdated(scope, key, window, new ScoreUpdated.Nps(0, 0, 0, n, nps, null), null, null, at);
    }

    private static <V> KafkaProducer<String, V> producer(org.apache.kafka.common.serialization.Serializer<V> values) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), Topics.RESOLVED_EVENTS.keySerde().serializer(), values);
    }

    private static <V> void send(KafkaProducer<String, V> producer, String topic, String key, V value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }
}
