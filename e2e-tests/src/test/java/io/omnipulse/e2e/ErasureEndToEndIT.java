package io.omnipulse.e2e;

import static io.omnipulse.e2e.Payloads.feedback;
import static io.omnipulse.e2e.Payloads.interaction;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.devstack.DevApiKey;
import io.omnipulse.devstack.Ports;
import io.omnipulse.devstack.PostgresServer;
import io.omnipulse.devstack.Stack;
import io.omnipulse.devstack.StackOptions;
import io.omnipulse.devstack.testkit.TestInfrastructure;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Topics;
import io.omnipulse.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole stack forgets a customer: after an erasure, no topic (raw, compacted, changelog, internal),
 * no table and no service log holds their identifiers or words, and the erasure's status says done,
 * with the time it took. The raw topics here keep {@link #RAW_RETENTION} instead of 30 days, and
 * compacted topics are compacted within seconds instead of a day, so that what production does in a
 * month happens in a minute; everything else is as in production.
 */
class ErasureEndToEndIT {

    private static final Duration RAW_RETENTION = Duration.ofSeconds(20);
    private static final String EMAIL = "erin.erased@example.com";
    private static final String PHONE = "+44 20 7946 0777";
    private static final String PHONE_E164 = "+442079460777";
    private static final String WORDS = "Erin-secret-complaint-4711";
    private static final String FRANK = "frank.kept@example.com";
    private static final String FRANKS_WORDS = "Frank-kept-complaint-0815";

    private static Stack stack;
    private static String ingest;
    private static String profiles;
    private static String scores;
    private static String alerts;

    @BeforeAll
    static void startPipeline() throws Exception {
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        StackOptions options = new StackOptions(repoRoot, TestInfrastructure.tempDir("omnipulse-erasure"),
                Ports.free(), Ports.free(), Ports.freeBlock(Stack.SERVICES.size()), false, 0)
                .withServices(Stack.PIPELINE);
        Map<String, String> changelogs = Map.of("kafka-streams.topic.segment.ms", "1000",
                "kafka-streams.topic.max.compaction.lag.ms", "2000", "kafka-streams.topic.delete.retention.ms", "1000",
                "kafka-streams.topic.min.cleanable.dirty.ratio", "0.01");
        Map<String, String> profile = new java.util.HashMap<>(changelogs);
        profile.put("omnipulse.profile.erasure-raw-retention", RAW_RETENTION.toString());
        stack = Stack.start(options, Duration.ofMinutes(4), System.out,
                Map.of("profile-service", profile, "scoring-service", changelogs));
        ingest = stack.service("ingest-service").baseUrl();
        profiles = stack.service("profile-service").baseUrl();
        scores = stack.service("scoring-service").baseUrl();
        alerts = stack.service("alerting-service").baseUrl();
        shortenRetention();
    }

    @AfterAll
    static void stopPipeline() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anErasedCustomerIsFoundInNoTopicTableOrLogAndTheStatusSaysDone() throws Exception {
        String erin = CustomerKeys.customerId(new CustomerIds(null, EMAIL, null, null, null));
        postEvents("[" + interaction("er-i1", "chat", "{\"email\":\"" + EMAIL + "\",\"phone\":\"" + PHONE + "\"}") + ","
                + feedback("er-f1", EMAIL, 1, WORDS) + "," + feedback("er-f2", FRANK, 2, FRANKS_WORDS) + "]");
        await().atMost(Duration.ofSeconds(90)).until(() -> alertsOf(erin).getList("items").size() == 1
                && asAdmin().get(scores + "/v1/customers/" + erin + "/scores").statusCode() == 200
                && asAdmin().get(profiles + "/v1/customers/" + erin).statusCode() == 200);

        String location = asAdmin().contentType(ContentType.JSON).body("{\"email\": \"" + EMAIL + "\"}")
                .post(profiles + "/v1/erasures").then().statusCode(202).extract().header("Location");
        String statusUrl = location.startsWith("http") ? location : profiles + location;

        // Traffic of other customers goes on, as in production: it is what rolls the log segments that
        // retention deletes and compaction cleans.
        ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        traffic.scheduleAtFixedRate(() -> postOthers(sent.getAndIncrement()), 0, 500, TimeUnit.MILLISECONDS);
        try {
            JsonPath status = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> asAdmin().get(statusUrl).then().statusCode(200).extract().jsonPath(),
                            s -> "done".equals(s.getString("status")));
            System.out.printf("erasure: done in %d ms: %s%n", status.getLong("tookMs"), status.getMap("services"));
            assertThat(status.getLong("tookMs")).isGreaterThanOrEqualTo(RAW_RETENTION.toMillis());
            for (String service : List.of("profile-service", "scoring-service", "alerting-service")) {
                assertThat(status.getString("services.'" + service + "'.status")).as(service).isEqualTo("done");
            }

            List<String> needles = List.of(EMAIL, PHONE_E164, WORDS);
            long searching = System.nanoTime();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() ->
                    assertThat(tracesOf(needles)).as("what still holds Erin's identifiers or words").isEmpty());
            System.out.printf("erasure: no trace in topics, tables or logs %d ms after done%n",
                    (System.nanoTime() - searching) / 1_000_000);
        } finally {
            traffic.shutdownNow();
        }

        asAdmin().contentType(ContentType.JSON).body("{\"email\": \"" + EMAIL + "\"}").post(profiles + "/v1/customers/lookup")
                .then().statusCode(404);
        assertThat(alertsOf(erin).getList("items")).isEmpty();
        String frank = CustomerKeys.customerId(new CustomerIds(null, FRANK, null, null, null));
        assertThat(alertsOf(frank).getString("items[0].comment")).isEqualTo(FRANKS_WORDS);
    }

    /** Every topic record, table cell and service log line that holds one of {@code needles}. */
    private static List<String> tracesOf(List<String> needles) throws Exception {
        List<String> found = new ArrayList<>();
        found.addAll(inTopics(needles));
        found.addAll(inTables(needles));
        for (String service : Stack.PIPELINE) {
            Path log = stack.service(service).logFile();
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (String line : lines) {
                needles.stream().filter(line::contains).forEach(n -> found.add(service + " log: " + line));
            }
        }
        return found;
    }

    /**
     * Every record of every topic, as bytes from the first offset, uncommitted (aborted) ones too: what
     * the broker physically still holds.
     */
    private static List<String> inTopics(List<String> needles) throws Exception {
        List<String> found = new ArrayList<>();
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers()));
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> !t.startsWith("__")).sorted().toList();
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()
                    .forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String text = text(r.key()) + " " + text(r.value());
                    for (String needle : needles) {
                        if (text.contains(needle)) {
                            found.add(r.topic() + "-" + r.partition() + "@" + r.offset() + " holds " + needle);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every text or JSON cell of every table of the database that holds one of {@code needles}. */
    private static List<String> inTables(List<String> needles) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(stack.postgres().jdbcUrl(Stack.DATABASE), PostgresServer.USER,
                PostgresServer.PASSWORD)) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery("""
                    select table_schema, table_name, column_name from information_schema.columns
                    where table_schema not in ('pg_catalog', 'information_schema')
                      and data_type in ('text', 'character varying', 'json', 'jsonb', 'character')""")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            assertThat(columns).as("text columns of the database").isNotEmpty();
            for (String[] c : columns) {
                for (String needle : needles) {
                    String sql = "select count(*) from \"%s\".\"%s\" where \"%s\"::text like ?".formatted(c[0], c[1], c[2]);
                    try (PreparedStatement q = db.prepareStatement(sql)) {
                        q.setString(1, "%" + needle + "%");
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(c[1] + "." + c[2] + " holds " + needle + " in " + rs.getLong(1) + " rows");
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * Raw topics keep {@link #RAW_RETENTION}; compacted ones are compacted within seconds; segments roll
     * every second, so that retention and the cleaner see them. Kafka Streams' own topics get the same
     * through the services' kafka-streams.topic.* settings.
     */
    private static void shortenRetention() throws Exception {
        Map<String, String> raw = Map.of("retention.ms", Long.toString(RAW_RETENTION.toMillis()), "segment.ms", "1000");
        Map<String, String> compacted = Map.of("segment.ms", "1000", "max.compaction.lag.ms", "2000",
                "delete.retention.ms", "1000", "min.cleanable.dirty.ratio", "0.01");
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new java.util.HashMap<>();
        Topics.ALL.forEach(t -> {
            if (t.config().containsKey("cleanup.policy")) {
                changes.put(topic(t.name()), ops(compacted));
            } else if (!t.config().get("retention.ms").equals("-1")) {
                changes.put(topic(t.name()), ops(raw));
            }
        });
        Topics.INTERNAL.forEach(t -> changes.put(topic(t.name()), ops(raw)));
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static ConfigResource topic(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }

    private static Collection<AlterConfigOp> ops(Map<String, String> configs) {
        return configs.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET)).toList();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Ten other customers' contacts, as production traffic mixes them: a detractor, contacts with one
     * identifier and calls with two (those wait in profile's pending resolutions), so that every topic
     * and changelog partition gets new records. Kafka rolls a segment, which retention deletes and the
     * cleaner compacts, only when a record arrives: a partition that never gets another write keeps its
     * last segment as it was (README, "Forgetting a customer").
     */
    private static void postOthers(int round) {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            String email = "other-" + round + "-" + i + "@example.com";
            String id = "bg-" + round + "-" + i;
            String phone = "+44 161 496 %04d".formatted((round * 10 + i) % 10_000);
            batch.append(i == 0 ? "" : ",").append(switch (i % 3) {
                case 0 -> feedback(id, email, 3, null);
                case 1 -> interaction(id, "chat", "{\"email\":\"" + email + "\"}");
                default -> interaction(id, "call", "{\"email\":\"" + email + "\",\"phone\":\"" + phone + "\"}");
            });
        }
        try {
            postEvents(batch.append("]").toString());
        } catch (RuntimeException e) {
            // Background traffic only: a refused batch changes nothing the test checks.
        }
    }

    private static void postEvents(String json) {
        given().header(DevApiKey.HEADER, stack.apiKey()).contentType(ContentType.JSON).body(json)
                .post(ingest + "/v1/events").then().statusCode(202);
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(stack.token("erasure-admin@omnipulse.local", List.of(Roles.ADMIN), List.of()));
    }

    private static JsonPath alertsOf(String customerId) {
        return asAdmin().queryParam("customerId", customerId).get(alerts + "/v1/alerts")
                .then().statusCode(200).extract().jsonPath();
    }
}
