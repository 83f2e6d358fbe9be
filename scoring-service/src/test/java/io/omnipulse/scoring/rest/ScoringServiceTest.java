package io.omnipulse.scoring.rest;

import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.TestTokens;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.Direction;
import io.omnipulse.events.ErasureProgress;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topic;
import io.omnipulse.events.Topics;
import io.omnipulse.scoring.domain.EffortSignal;
import io.omnipulse.security.Roles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.streams.KeyValue;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wired service against a real broker. This is the only test class of the module that
 * produces to cx.resolved-events.v1, so the exact counts below are all its own.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ScoringServiceTest {

    static final CustomerIds ANN = new CustomerIds(null, "ann@example.com", null, null, null);
    static final Duration DEADLINE = Duration.ofSeconds(90);

    static ContactEvent answer(String eventId, Channel channel, Metric metric, Integer score, Scale scale) {
        return new ContactEvent(eventId, "survey-tool", EventType.FEEDBACK, channel, Instant.now(), ANN, null, null,
                null, null, new FeedbackDetails(metric, score, scale, null, null), null);
    }

    /** Until Kafka Streams runs, queries rightly answer 503 with Retry-After; these tests are about afterwards. */
    @BeforeEach
    void awaitQueryable() {
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            var response = given().queryParam("scope", "global").get("/v1/scores");
            if (response.statusCode() == 503) {
                assertThat(response.header("Retry-After")).isEqualTo("2");
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
            return response.statusCode() == 200;
        });
    }

    @Test
    void feedbackOnKafkaBecomesScoresOnTheApiAndTheTopic() throws Exception {
        ContactEvent promoter = answer("s-1", Channel.EMAIL, Metric.NPS, 10, null);
        List<ContactEvent> events = List.of(
                promoter,
                answer("s-2", Channel.EMAIL, Metric.NPS, 3, null),
                answer("s-3", Channel.EMAIL, Metric.NPS, 8, null),
                answer("s-4", Channel.EMAIL, Metric.NPS, null, null),
                answer("s-5", Channel.EMAIL, Metric.CES, 2, null),
                answer("s-6", Channel.EMAIL, Metric.CES, 1, new Scale(1, 5, false)),
                answer("s-7", Channel.EMAIL, Metric.CSAT, 5, null),
                answer("s-8", Channel.CHAT, Metric.NPS, 9, null),
                promoter,
                // Sent last: once it is counted, everything before it on the partition has been too.
                answer("s-9", Channel.EMAIL, Metric.CSAT, 2, null));
        produce(events);

        AtomicReference<JsonPath> email = new AtomicReference<>();
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            var response = given().queryParam("scope", "channel").queryParam("key", "email").get("/v1/scores");
            email.set(response.jsonPath());
            return response.statusCode() == 200 && email.get().getInt("csat.n") == 2;
        });

        JsonPath scores = email.get();
        assertThat(scores.getString("scope")).isEqualTo("channel");
        assertThat(scores.getString("key")).isEqualTo("email");
        assertThat(scores.getString("window")).isEqualTo("all");
        assertThat(scores.getMap("nps")).containsEntry("promoters", 1).containsEntry("passives", 1)
                .containsEntry("detractors", 1).containsEntry("n", 3).containsEntry("score", 0.0f);
        assertThat(scores.getMap("ces")).containsEntry("n", 2).containsEntry("meanEase", 58.3f)
                .containsEntry("highEffort", 1).containsEntry("highEffortShare", 50.0f);
        assertThat(scores.getMap("csat")).containsEntry("n", 2).containsEntry("satisfied", 1)
                .containsEntry("percent", 50.0f);
        given().queryParam("scope", "global").get("/v1/scores").then().statusCode(200)
                .body("key", equalTo("all")).body("nps.n", equalTo(4)).body("nps.promoters", equalTo(2));
        assertThat(lastPublished("channel:email:all").csat().n()).isEqualTo(2);
    }

    @Test
    void teamScoresPerWindowAndTheirTrendCountLateAnswersApart() throws Exception {
        String team = "team-" + UUID.randomUUID();
        Instant now = Instant.now();
        produce(List.of(teamAnswer("t-1", team, now.minus(Duration.ofDays(5)), 5),
                teamAnswer("t-2", team, now, 1),
                // Beyond the 7-day grace of the partition's clock: all time and late count only.
                teamAnswer("t-3", team, now.minus(Duration.ofDays(20)), 4)));

        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .queryParam("scope", "team").queryParam("key", team).get("/v1/scores").jsonPath().getInt("csat.n") == 3);

        given().queryParam("scope", "team").queryParam("key", team).queryParam("window", "7d").get("/v1/scores")
                .then().statusCode(200).body("window", equalTo("7d")).body("csat.n", equalTo(2))
                .body("csat.satisfied", equalTo(1));
        given().queryParam("scope", "team").queryParam("key", team).queryParam("window", "90d").get("/v1/scores")
                .then().statusCode(200).body("csat.n", equalTo(2));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath trend = given().queryParam("scope", "team").queryParam("key", team).queryParam("metric", "csat")
                .queryParam("bucket", "day").queryParam("from", today.minusDays(13).toString())
                .queryParam("to", today.toString()).get("/v1/scores/trend").then().statusCode(200).extract().jsonPath();
        assertThat(trend.getInt("lateEvents")).isEqualTo(1);
        assertThat(trend.getList("points")).hasSize(14);
        assertThat(trend.getList("points.csat.n", Integer.class).stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
        assertThat(trend.getString("points[13].first")).isEqualTo(today.toString());
        given().queryParam("scope", "team").queryParam("key", team).queryParam("metric", "ces")
                .queryParam("bucket", "week").get("/v1/scores/trend")
                .then().statusCode(200).body("bucket", equalTo("week")).body("points[0].nps", nullValue());
    }

    @Test
    void invalidWindowMetricBucketOrDatesAreBadRequestsNamingTheParameter() {
        given().queryParam("scope", "global").queryParam("window", "8d").get("/v1/scores")
                .then().statusCode(400).body("errors.field", hasItem("window"));
        given().queryParam("scope", "global").queryParam("metric", "wow").get("/v1/scores/trend")
                .then().statusCode(400).body("errors.field", hasItem("metric"));
        given().queryParam("scope", "global").queryParam("metric", "nps").queryParam("bucket", "month")
                .get("/v1/scores/trend").then().statusCode(400).body("errors.field", hasItem("bucket"));
        given().queryParam("scope", "global").queryParam("metric", "nps").queryParam("from", "2025-02-30")
                .get("/v1/scores/trend").then().statusCode(400).body("errors.field", hasItem("from"));
        given().queryParam("scope", "team").get("/v1/scores")
                .then().statusCode(400).body("errors.field", hasItem("key"));
    }

    /** CSAT on calls: no other test here asserts either, so the exact counts of the others hold. */
    static ContactEvent teamAnswer(String eventId, String team, Instant at, int csat) {
        return new ContactEvent(eventId, "survey-tool", EventType.FEEDBACK, Channel.CALL, at, ANN, null, null, team,
                null, new FeedbackDetails(Metric.CSAT, csat, null, null, null), null);
    }

    @Test
    void aBurstOfAnswersToOneTeamFromManyCustomersCountsExactlyInEveryWindow() throws Exception {
        String team = "burst-" + UUID.randomUUID();
        Instant now = Instant.now();
        List<ContactEvent> answers = new ArrayList<>();
        int satisfied = 0;
        for (int i = 0; i < 120; i++) {
            CustomerIds customer = new CustomerIds(null, team + "-" + (i % 30) + "@example.com", null, null, null);
            int csat = 1 + i % 5;
            satisfied += csat >= 4 ? 1 : 0;
            // A third of them 3 days back (within the grace: not late), in another day bucket.
            Instant at = i % 3 == 0 ? now.minus(Duration.ofDays(3)) : now;
            answers.add(new ContactEvent("burst-" + i, "survey-tool", EventType.FEEDBACK, Channel.CALL, at, customer,
                    null, null, team, null, new FeedbackDetails(Metric.CSAT, csat, null, null, null), null));
        }
        // Sent without waiting for each acknowledgement, so that a commit of each task covers many of
        // them: the team's scope key gets them summed per commit (SumPerScopeKey), and must count each once.
        produceInOneBurst(answers);

        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .queryParam("scope", "team").queryParam("key", team).get("/v1/scores").jsonPath().getInt("csat.n") >= 120);
        given().queryParam("scope", "team").queryParam("key", team).get("/v1/scores").then().statusCode(200)
                .body("csat.n", equalTo(120)).body("csat.satisfied", equalTo(satisfied));
        given().queryParam("scope", "team").queryParam("key", team).queryParam("window", "7d").get("/v1/scores")
                .then().statusCode(200).body("csat.n", equalTo(120)).body("csat.satisfied", equalTo(satisfied));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath trend = given().queryParam("scope", "team").queryParam("key", team).queryParam("metric", "csat")
                .queryParam("bucket", "day").queryParam("from", today.minusDays(6).toString())
                .queryParam("to", today.toString()).get("/v1/scores/trend").then().statusCode(200).extract().jsonPath();
        assertThat(trend.getInt("lateEvents")).isZero();
        assertThat(trend.getList("points.csat.n", Integer.class)).containsExactly(0, 0, 0, 40, 0, 0, 80);
    }

    @Test
    void customerScoresCarryTheEffortIndexWithItsDriversAndTeamsTheirMean() throws Exception {
        String team = "effort-" + UUID.randomUUID();
        CustomerIds eve = new CustomerIds(null, team + "@example.com", null, null, null);
        String id = CustomerKeys.customerId(eve);
        Instant now = Instant.now();
        // Answer first in the topic but last in event time: it rates the call by its conversation. CSAT on
        // calls only, as teamAnswer: the exact counts asserted by the other tests stay theirs.
        produce(List.of(
                new ContactEvent("e-1", "helpdesk", EventType.INTERACTION, Channel.EMAIL, now.minus(Duration.ofHours(3)),
                        eve, "conv-e", "a-1", team, new InteractionDetails(Direction.INBOUND, InteractionStatus.OPEN, 0,
                                60, 0, null, null), null, null),
                new ContactEvent("e-2", "helpdesk", EventType.INTERACTION, Channel.CALL, now.minus(Duration.ofHours(2)),
                        eve, "conv-e", "a-2", team, new InteractionDetails(Direction.INBOUND, InteractionStatus.RESOLVED,
                                14 * 60, 300, 2, null, null), null, null),
                new ContactEvent("e-3", "survey-tool", EventType.FEEDBACK, Channel.EMAIL, now, eve, null, null, null,
                        null, new FeedbackDetails(Metric.CSAT, 5, null, null, "conv-e"), null)));

        AtomicReference<JsonPath> scores = new AtomicReference<>();
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            var response = given().get("/v1/customers/" + id + "/scores");
            scores.set(response.jsonPath());
            return response.statusCode() == 200 && scores.get().getInt("windows.all.csat.n") == 1
                    && Integer.valueOf(60).equals(scores.get().get("effort.index"));
        });
        JsonPath customer = scores.get();
        assertThat(customer.getString("customerId")).isEqualTo(id);
        assertThat(customer.getInt("windows.7d.csat.satisfied")).isEqualTo(1);
        assertThat(customer.getMap("windows")).containsOnlyKeys("7d", "30d", "90d", "all");
        assertThat(customer.getList("effort.drivers", String.class)).containsExactly("2 contacts in 48 h",
                "email then call", "2 transfers", "waited 14 min");
        assertThat(customer.getString("effort.latestTeam")).isEqualTo(team);
        given().get("/v1/customers/" + id + "/effort").then().statusCode(200).body("index", equalTo(60));

        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .queryParam("scope", "team").queryParam("key", team).get("/v1/effort").jsonPath().getInt("customers") == 1);
        given().queryParam("scope", "team").queryParam("key", team).get("/v1/effort").then().statusCode(200)
                .body("meanIndex", equalTo(60.0f)).body("agreement.n", equalTo(0))
                // One customer with four signals: each drives all of the team's effort; ties in signal order.
                .body("drivers.signal", contains("repeat-contacts", "channel-switches", "transfers", "long-waits"))
                .body("drivers.customers", everyItem(equalTo(1))).body("drivers.share", everyItem(equalTo(100.0f)));
        given().queryParam("scope", "team").queryParam("key", team).get("/v1/scores").then().statusCode(200)
                .body("csat.n", equalTo(1));
    }

    @Test
    void channelConsistencyOfATeamIsTheSpreadBetweenItsBestAndWorstChannel() throws Exception {
        String team = "consistency-" + UUID.randomUUID();
        Instant now = Instant.now();
        // CES only (ease 100 on chat, 0 and 50 on call): no other test asserts CES of chat or call.
        produce(List.of(cesAnswer("k-1", team, Channel.CHAT, now, 7), cesAnswer("k-2", team, Channel.CALL, now, 1),
                cesAnswer("k-3", team, Channel.CALL, now, 4)));

        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .queryParam("scope", "team").queryParam("key", team).get("/v1/scores/consistency").jsonPath()
                .getInt("ease.channels") == 2);
        given().queryParam("scope", "team").queryParam("key", team).queryParam("window", "7d")
                .get("/v1/scores/consistency").then().statusCode(200)
                .body("window", equalTo("7d")).body("ease.best.channel", equalTo("chat"))
                .body("ease.worst.channel", equalTo("call")).body("ease.worst.score", equalTo(25.0f))
                .body("ease.spread", equalTo(75.0f)).body("nps.channels", equalTo(0));
        given().queryParam("scope", "agent").queryParam("key", "x").get("/v1/scores/consistency")
                .then().statusCode(400).body("errors.field", hasItem("scope"));
        given().queryParam("scope", "global").get("/v1/scores/consistency").then().statusCode(200)
                .body("scope", equalTo("global"));
    }

    static ContactEvent cesAnswer(String eventId, String team, Channel channel, Instant at, int ease) {
        return new ContactEvent(eventId, "survey-tool", EventType.FEEDBACK, channel, at, ANN, null, null, team,
                null, new FeedbackDetails(Metric.CES, ease, null, null, null), null);
    }

    @Test
    void aMergeOnKafkaFoldsTheMergedCustomersScoresIntoTheSurvivor() throws Exception {
        String run = UUID.randomUUID().toString();
        CustomerIds ann = new CustomerIds(null, "merge-ann-" + run + "@example.com", null, null, null);
        CustomerIds bob = new CustomerIds(null, "merge-bob-" + run + "@example.com", null, null, null);
        String annId = CustomerKeys.customerId(ann);
        String bobId = CustomerKeys.customerId(bob);
        Instant now = Instant.now();
        // CSAT without channel or team: counted for global (whose CSAT no test asserts) and the customer only.
        produce(List.of(csatOf("m-1", bob, now, 5), csatOf("m-2", ann, now, 1)));
        produce(Topics.CUSTOMER_MERGES, List.of(KeyValue.pair(bobId, new CustomersMerged(annId, bobId, "helpdesk",
                "link-" + run, List.of("email:merge-bob-" + run + "@example.com"), now, now))));
        // Resolved before the merge was known, so still keyed by Bob: it follows him to Ann.
        produce(List.of(csatOf("m-3", bob, now.plusSeconds(1), 4)));

        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            var response = given().get("/v1/customers/" + annId + "/scores");
            return response.statusCode() == 200 && response.jsonPath().getInt("windows.all.csat.n") == 3;
        });
        given().get("/v1/customers/" + annId + "/scores").then().statusCode(200)
                .header(CustomersResource.MERGED_INTO_HEADER, nullValue())
                .body("windows.7d.csat.n", equalTo(3)).body("windows.7d.csat.satisfied", equalTo(2));
        // Bob's id answers for Ann, saying so, instead of 404 (his own scope key is empty now).
        given().get("/v1/customers/" + bobId + "/scores").then().statusCode(200)
                .header(CustomersResource.MERGED_INTO_HEADER, annId)
                .header("Content-Location", org.hamcrest.Matchers.endsWith("/v1/customers/" + annId + "/scores"))
                .body("customerId", equalTo(annId)).body("windows.all.csat.n", equalTo(3));
        given().get("/v1/customers/" + bobId + "/merged-into").then().statusCode(200)
                .body("customerId", equalTo(bobId)).body("survivorId", equalTo(annId));
        given().get("/v1/customers/" + annId + "/merged-into").then().statusCode(404);
        given().queryParam("scope", "customer").queryParam("key", bobId).get("/v1/scores").then().statusCode(200)
                .body("csat.n", equalTo(0));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("omnipulse_scoring_merges_folded_total"));
    }

    @Test
    void anErasureOnKafkaForgetsTheCustomerAndIsReportedDoneAfterwards() throws Exception {
        String run = UUID.randomUUID().toString();
        CustomerIds zoe = new CustomerIds(null, "erase-zoe-" + run + "@example.com", null, null, null);
        String zoeId = CustomerKeys.customerId(zoe);
        Instant now = Instant.now();
        // CSAT without channel or team, as in the merge test: counted for global and the customer only.
        produce(List.of(csatOf("z-1", zoe, now, 5), csatOf("z-2", zoe, now, 2)));
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            var response = given().get("/v1/customers/" + zoeId + "/scores");
            return response.statusCode() == 200 && response.jsonPath().getInt("windows.all.csat.n") == 2;
        });

        String erasureId = "erasure-" + run;
        Instant requestedAt = Instant.now();
        produce(Topics.ERASURES, List.of(KeyValue.pair(zoeId,
                new ErasureRequested(erasureId, zoeId, requestedAt, "dpo@example.com"))));

        ErasureProgress done = progressOf(erasureId);
        assertThat(done.step()).isEqualTo("scoring-service");
        assertThat(done.customerId()).isEqualTo(zoeId);
        assertThat(done.requestedAt()).isEqualTo(requestedAt);
        // Two seen event ids, her totals and her day bucket at least.
        assertThat(done.erased()).isGreaterThanOrEqualTo(4);
        // Done means done: her scores are gone by the time it says so.
        given().get("/v1/customers/" + zoeId + "/scores").then().statusCode(404);
        given().queryParam("scope", "customer").queryParam("key", zoeId).get("/v1/scores").then().statusCode(200)
                .body("csat.n", equalTo(0));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("omnipulse_scoring_erasures_applied_total"));
    }

    /** scoring-service's progress record of an erasure, read committed, as profile-service reads it. */
    static ErasureProgress progressOf(String erasureId) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "scoring-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AtomicReference<ErasureProgress> found = new AtomicReference<>();
        Topic<String, ErasureProgress> topic = Topics.ERASURE_PROGRESS;
        try (KafkaConsumer<String, ErasureProgress> consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            Awaitility.await().atMost(DEADLINE).until(() -> {
                for (ConsumerRecord<String, ErasureProgress> r : consumer.poll(Duration.ofMillis(200))) {
                    if (erasureId.equals(r.key()) && "scoring-service".equals(r.value().step())) {
                        found.set(r.value());
                    }
                }
                return found.get() != null;
            });
        }
        return found.get();
    }

    static ContactEvent csatOf(String eventId, CustomerIds customer, Instant at, int score) {
        return new ContactEvent(eventId, "survey-tool", EventType.FEEDBACK, null, at, customer, null, null, null,
                null, new FeedbackDetails(Metric.CSAT, score, null, null, null), null);
    }

    @Test
    void unknownCustomerIsNotFoundAndEffortIsOnlyPerGlobalChannelOrTeam() {
        given().get("/v1/customers/cus-0000000000000000/scores").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/v1/customers/cus-0000000000000000/effort").then().statusCode(404);
        given().queryParam("scope", "agent").queryParam("key", "a-1").get("/v1/effort")
                .then().statusCode(400).body("errors.field", hasItem("scope"));
        given().get("/v1/effort/agreement").then().statusCode(200).body("scope", equalTo("global"));
    }

    @Test
    void channelWithoutResponsesAnswersZeroNotNotFound() {
        given().queryParam("scope", "channel").queryParam("key", "social").get("/v1/scores")
                .then().statusCode(200)
                .body("nps.n", equalTo(0)).body("nps.score", nullValue())
                .body("ces.meanEase", nullValue()).body("csat.percent", nullValue());
    }

    @Test
    void scoresNeedABearerTokenAndAnAnalystMayReadThem() {
        RestAssured.given().queryParam("scope", "global").get("/v1/scores").then().statusCode(401)
                .contentType("application/problem+json");
        TestTokens.as("ana@example.com", List.of(Roles.ANALYST), List.of()).queryParam("scope", "global")
                .get("/v1/scores").then().statusCode(200);
        TestTokens.as("src@example.com", List.of(Roles.INGEST), List.of()).queryParam("scope", "global")
                .get("/v1/scores").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void unknownScopeIsABadRequestNamingScope() {
        given().queryParam("scope", "bogus").get("/v1/scores")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("scope"));
    }

    @Test
    void channelScopeNeedsAKnownChannel() {
        given().queryParam("scope", "channel").get("/v1/scores")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("key"));
        given().queryParam("scope", "channel").queryParam("key", "fax").get("/v1/scores")
                .then().statusCode(400).body("errors.field", hasItem("key"));
    }

    @Test
    void healthReportsKafkaStreamsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka Streams topics health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka Streams state health check"));
    }

    @Test
    void businessCountersAreExported() {
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("omnipulse_scoring_duplicates_dropped_total"))
                .body(org.hamcrest.Matchers.containsString("omnipulse_scoring_responses_counted_total"));
    }

    @Test
    void openApiDescribesTheScoresEndpoint() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/scores'.get.description", org.hamcrest.Matchers.containsString("n = 0"));
    }

    @Test
    void openApiSaysWhatTheEffortDriversAre() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/effort'.get.description", containsString("drivers"))
                .body("components.schemas.EffortSummary.properties.drivers.description",
                        containsString("percent of the customers with an index"))
                // The enumeration is written out in EffortSummary.Driver: it must name every signal.
                .body("components.schemas.Driver.properties.signal.enum",
                        contains(Arrays.stream(EffortSignal.values()).map(EffortSignal::wire).toArray()));
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Events keyed by their own customer id, as identity resolution keys a customer with one identifier. */
    static void produce(List<ContactEvent> events) throws Exception {
        produce(Topics.RESOLVED_EVENTS, events.stream()
                .map(e -> KeyValue.pair(CustomerKeys.customerId(e.customer()), e)).toList());
    }

    /** Events keyed by their own customer id, all sent before the first acknowledgement is awaited. */
    static void produceInOneBurst(List<ContactEvent> events) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all");
        Topic<String, ContactEvent> topic = Topics.RESOLVED_EVENTS;
        try (KafkaProducer<String, ContactEvent> producer = new KafkaProducer<>(config, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            List<Future<RecordMetadata>> sent = events.stream().map(e -> producer.send(
                    new ProducerRecord<>(topic.name(), CustomerKeys.customerId(e.customer()), e))).toList();
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
        }
    }

    /** One after the other, each acknowledged before the next: their order on a partition is the list's. */
    static <V> void produce(Topic<String, V> topic, List<KeyValue<String, V>> records) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(config, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            for (KeyValue<String, V> record : records) {
                producer.send(new ProducerRecord<>(topic.name(), record.key, record.value)).get();
            }
        }
    }

    /** The latest ScoreUpdated published under the key, read committed, as downstream services read it. */
    static ScoreUpdated lastPublished(String key) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "scoring-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AtomicReference<ScoreUpdated> last = new AtomicReference<>();
        try (KafkaConsumer<String, ScoreUpdated> consumer = new KafkaConsumer<>(config,
                Topics.SCORE_UPDATES.keySerde().deserializer(), Topics.SCORE_UPDATES.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.SCORE_UPDATES.name()));
            Awaitility.await().atMost(DEADLINE).until(() -> {
                for (ConsumerRecord<String, ScoreUpdated> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        last.set(r.value());
                    }
                }
                return last.get() != null && last.get().csat().n() == 2;
            });
        }
        return last.get();
    }
}
