package io.omnipulse.scoring.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnipulse.devstack.Ports;
import io.omnipulse.devstack.testkit.BrokerExitGuard;
import io.omnipulse.devstack.testkit.OwnKafkaBroker;
import io.omnipulse.devstack.testkit.TestInfrastructure;
import io.omnipulse.devstack.testkit.TestTokens;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Topic;
import io.omnipulse.events.Topics;
import io.omnipulse.queries.QueryResult;
import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.domain.Scope;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.streams.EffortQueries;
import io.omnipulse.scoring.streams.ScoreLookup;
import io.omnipulse.scoring.streams.ScoreQueries;
import io.omnipulse.scoring.streams.ScoringTopology;
import io.omnipulse.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of scoring-service share the six partitions of one real broker, and either answers
 * every query alike, forwarding to the other what the other owns.
 *
 * <p>Instance A is this Quarkus application. Instance B runs the same topology with the same
 * Kafka Streams settings in this JVM (one JVM holds one Quarkus application), with its own state
 * directory and application.server; its HTTP side is {@link InstanceServer}, a real HTTP server on
 * that address that calls the service's own resources wired to B's Kafka Streams. So a query to A
 * for a key B owns goes over HTTP to B's resources and back, and one to B goes to A's real
 * endpoints. The broker is this class's own: the events here must not reach the exact counts of
 * {@link ScoringServiceTest}, and theirs must not reach these.
 */
@QuarkusTest
@TestProfile(TwoInstancesOnTheBrokerTest.OwnBrokerAndAddress.class)
class TwoInstancesOnTheBrokerTest {

    static final Duration DEADLINE = Duration.ofSeconds(120);
    static final Duration POLL = Duration.ofMillis(300);
    static final Instant AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final List<String> TEAMS = List.of("north", "south", "east");
    static final List<String> AGENTS = List.of("agent-1", "agent-2", "agent-3", "agent-4", "agent-5");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static KafkaStreams streamsB;
    private static InstanceServer serverB;
    private static HostInfo hostB;

    @Inject
    KafkaStreams streamsA;
    /** Instance A's topology bean: each call builds the same topology anew, for instance B. */
    @Inject
    ScoringTopology topology;
    @Inject
    ScoringConfig config;
    @Inject
    ObjectMapper json;

    /** This application's address and a broker of its own, started before the application. */
    public static class OwnBrokerAndAddress implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // application.server must be the real HTTP port, so the test port is fixed here, not random.
            String port = Integer.toString(Ports.free());
            return Map.of("quarkus.http.test-port", port, "%test.quarkus.http.test-port", port,
                    "quarkus.kafka-streams.application-server", "localhost:" + port,
                    "%test.quarkus.kafka-streams.application-server", "localhost:" + port);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnKafkaBroker.class));
        }
    }

    /** Instance B joins once; both then wait until each owns some of the six partitions. */
    @BeforeEach
    void startInstanceB() {
        if (streamsB == null) {
            Config quarkus = ConfigProvider.getConfig();
            int port = Ports.free();
            hostB = new HostInfo("localhost", port);
            Properties props = new Properties();
            // The same kafka-streams.* settings as instance A (exactly once, commit interval, ...).
            for (String name : quarkus.getPropertyNames()) {
                if (name.startsWith("kafka-streams.")) {
                    quarkus.getOptionalValue(name, String.class)
                            .ifPresent(value -> props.put(name.substring("kafka-streams.".length()), value));
                }
            }
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, quarkus.getValue("quarkus.kafka-streams.application-id",
                    String.class));
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, quarkus.getValue("kafka.bootstrap.servers", String.class));
            props.put(StreamsConfig.STATE_DIR_CONFIG, TestInfrastructure.tempDir("scoring-instance-b").toString());
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:" + port);
            streamsB = new KafkaStreams(topology.topology(), props);
            streamsB.start();
            serverB = new InstanceServer(port, new ScoreQueries(streamsB, "localhost:" + port),
                    new EffortQueries(streamsB, "localhost:" + port), config, json);
        }
        // Each step named, so that a timeout says which one was still missing; a broker that asked to
        // end the JVM (refused, see BrokerExitGuard) will not recover, so that is reported at once.
        Awaitility.await().atMost(DEADLINE).pollInterval(POLL).ignoreExceptions()
                .failFast(() -> assertThat(BrokerExitGuard.refusals()).as("the test broker's requests to end the JVM")
                        .isEmpty())
                .untilAsserted(() -> {
                    assertThat(streamsA.state()).as("instance A").isEqualTo(KafkaStreams.State.RUNNING);
                    assertThat(streamsB.state()).as("instance B").isEqualTo(KafkaStreams.State.RUNNING);
                    assertThat(streamsA.metadataForAllStreamsClients()).as("clients of the group, as A sees them").hasSize(2);
                    assertThat(activeTasks(streamsA)).as("A's active tasks").isNotEmpty();
                    assertThat(activeTasks(streamsB)).as("B's active tasks").isNotEmpty();
                    assertThat(statusOf(instanceA(), "/v1/scores?scope=global")).as("A's global scores").isEqualTo("200");
                    assertThat(statusOf(hostB, "/v1/scores?scope=global")).as("B's global scores").isEqualTo("200");
                });
    }

    @AfterAll
    static void stopInstanceB() {
        if (serverB != null) {
            serverB.close();
        }
        if (streamsB != null) {
            streamsB.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void everyQueryIsAnsweredAlikeByEitherInstance() throws Exception {
        Random random = new Random(42);
        Map<String, int[]> answersOf = new LinkedHashMap<>();
        List<KeyValue<String, ContactEvent>> events = new ArrayList<>();
        for (int c = 0; c < 24; c++) {
            CustomerIds ids = new CustomerIds(null, "alike-" + c + "@example.com", null, null, null);
            answersOf.put(CustomerKeys.customerId(ids), journey(random, "alike-" + c, ids, events));
        }
        produce(Topics.RESOLVED_EVENTS, events);
        List<String> customers = List.copyOf(answersOf.keySet());

        // Done when each customer's responses are all counted and their index computed, as either instance says.
        Awaitility.await().atMost(DEADLINE).pollInterval(POLL).ignoreExceptions().untilAsserted(() -> {
            for (String customer : customers) {
                JsonNode scores = body(get(instanceA(), "/v1/customers/" + customer + "/scores"));
                int[] n = answersOf.get(customer);
                assertThat(new int[] {scores.at("/windows/all/nps/n").asInt(), scores.at("/windows/all/ces/n").asInt(),
                        scores.at("/windows/all/csat/n").asInt()}).as(customer).containsExactly(n);
                assertThat(scores.at("/effort/index").isNumber()).as("effort of " + customer).isTrue();
            }
        });

        // Both instances own some of these customers and some of their scope keys, and say who owns what alike.
        // A customer's scope key is tallied with the rest of the customer's state: one owner for both.
        Set<Integer> customerOwners = new TreeSet<>();
        Set<Integer> scopeOwners = new TreeSet<>();
        for (String customer : customers) {
            int owner = ownerOf(ScoringTopology.CUSTOMERS_STORE, customer);
            customerOwners.add(owner);
            scopeOwners.add(ownerOf(ScoringTopology.CUSTOMER_TALLIES_STORE, customer));
            assertThat(ownerOf(ScoringTopology.CUSTOMER_TALLIES_STORE, customer)).as(customer).isEqualTo(owner);
        }
        assertThat(customerOwners).containsExactlyInAnyOrder(instanceA().port(), hostB.port());
        assertThat(scopeOwners).containsExactlyInAnyOrder(instanceA().port(), hostB.port());

        List<String> queries = queries(customers);
        Awaitility.await().atMost(DEADLINE).pollInterval(POLL).ignoreExceptions().untilAsserted(() -> {
            for (String query : queries) {
                HttpResponse<String> a = get(instanceA(), query);
                HttpResponse<String> b = get(hostB, query);
                assertThat(a.statusCode()).as("A " + query + " " + a.body()).isEqualTo(200);
                assertThat(b.statusCode()).as("B " + query + " " + b.body()).isEqualTo(200);
                assertThat(stable(body(b))).as(query).isEqualTo(stable(body(a)));
            }
        });

        // A customer B owns: A's answer came from B's resources, forwarded, for their effort and their scope.
        String ownedByB = customers.stream().filter(c -> ownerOf(ScoringTopology.CUSTOMERS_STORE, c) == hostB.port())
                .findFirst().orElseThrow();
        int before = serverB.received().size();
        JsonNode effort = body(get(instanceA(), "/v1/customers/" + ownedByB + "/effort"));
        assertThat(effort.get("customerId").asText()).isEqualTo(ownedByB);
        assertThat(serverB.received().subList(before, serverB.received().size()))
                .contains(new InstanceServer.Received("/v1/customers/" + ownedByB + "/effort", true));
        String scopeOnB = customers.stream()
                .filter(c -> ownerOf(ScoringTopology.CUSTOMER_TALLIES_STORE, c) == hostB.port()).findFirst()
                .orElseThrow();
        before = serverB.received().size();
        get(instanceA(), "/v1/scores?scope=customer&key=" + scopeOnB + "&window=all");
        assertThat(serverB.received().subList(before, serverB.received().size()))
                .anyMatch(r -> r.forwarded() && r.pathAndQuery().startsWith("/v1/scores?")
                        && r.pathAndQuery().contains("key=" + scopeOnB));
        // And the other way: B does not hold what A owns, so B's answers for it were A's.
        String scopeOnA = customers.stream()
                .filter(c -> ownerOf(ScoringTopology.CUSTOMER_TALLIES_STORE, c) == instanceA().port()).findFirst()
                .orElseThrow();
        QueryResult<ScoreLookup> fromB = new ScoreQueries(streamsB, hostB.host() + ":" + hostB.port())
                .lookup(new ScopeKey(Scope.CUSTOMER, scopeOnA));
        assertThat(fromB).isEqualTo(new QueryResult.FoundElsewhere<>("localhost", instanceA().port()));
    }

    @Test
    void aMergedIdAnswersWithItsFinalSurvivorOnEitherInstance() throws Exception {
        // X into Y, then Y into Z, with X's pointer on A and Y's on B: following X crosses instances.
        String x = customerOwnedBy("merge-x-", instanceA().port());
        String y = customerOwnedBy("merge-y-", hostB.port());
        String z = customerOwnedBy("merge-z-", instanceA().port());
        Instant t = AT.minus(Duration.ofHours(5));
        produce(Topics.RESOLVED_EVENTS, List.of(
                interaction(x, "x-1", Channel.CALL, "north", t, 1), answer(x, "x-2", Metric.NPS, 10, t.plusSeconds(60)),
                answer(x, "x-3", Metric.CSAT, 5, t.plusSeconds(70)),
                interaction(y, "y-1", Channel.CHAT, "south", t.plusSeconds(100), 0),
                answer(y, "y-2", Metric.NPS, 0, t.plusSeconds(160)), answer(y, "y-3", Metric.CES, 3, t.plusSeconds(170)),
                interaction(z, "z-1", Channel.EMAIL, "east", t.plusSeconds(200), 2),
                answer(z, "z-2", Metric.NPS, 9, t.plusSeconds(260)), answer(z, "z-3", Metric.CSAT, 2, t.plusSeconds(270))));
        Awaitility.await().atMost(DEADLINE).pollInterval(POLL).ignoreExceptions().untilAsserted(() -> {
            for (String customer : List.of(x, y, z)) {
                assertThat(body(get(instanceA(), "/v1/customers/" + customer + "/scores")).at("/windows/all/nps/n").asInt())
                        .as(customer).isEqualTo(1);
            }
        });

        produce(Topics.CUSTOMER_MERGES, List.of(merge(x, y), merge(y, z)));
        Awaitility.await().atMost(DEADLINE).pollInterval(POLL).ignoreExceptions().untilAsserted(() -> {
            JsonNode survivor = body(get(instanceA(), "/v1/customers/" + z + "/scores"));
            assertThat(survivor.at("/windows/all/nps/n").asInt()).isEqualTo(3);
            assertThat(survivor.at("/windows/all/csat/n").asInt()).isEqualTo(2);
            assertThat(survivor.at("/windows/all/ces/n").asInt()).isEqualTo(1);
        });

        int before = serverB.received().size();
        JsonNode zScores = stable(body(get(instanceA(), "/v1/customers/" + z + "/scores")));
        JsonNode zEffort = body(get(instanceA(), "/v1/customers/" + z + "/effort"));
        for (HostInfo instance : List.of(instanceA(), hostB)) {
            for (String merged : List.of(x, y)) {
                HttpResponse<String> scores = get(instance, "/v1/customers/" + merged + "/scores");
                assertThat(scores.statusCode()).as(merged + " on " + instance).isEqualTo(200);
                assertThat(scores.headers().firstValue(CustomersResource.MERGED_INTO_HEADER)).hasValue(z);
                assertThat(stable(body(scores))).isEqualTo(zScores);
                HttpResponse<String> effort = get(instance, "/v1/customers/" + merged + "/effort");
                assertThat(effort.statusCode()).as(merged + " on " + instance).isEqualTo(200);
                assertThat(effort.headers().firstValue(CustomersResource.MERGED_INTO_HEADER)).hasValue(z);
                assertThat(body(effort)).isEqualTo(zEffort);
            }
            assertThat(body(get(instance, "/v1/customers/" + x + "/merged-into")).get("survivorId").asText()).isEqualTo(y);
            assertThat(body(get(instance, "/v1/customers/" + y + "/merged-into")).get("survivorId").asText()).isEqualTo(z);
            assertThat(get(instance, "/v1/customers/" + z + "/merged-into").statusCode()).isEqualTo(404);
            assertThat(get(instance, "/v1/customers/" + z + "/scores").headers()
                    .firstValue(CustomersResource.MERGED_INTO_HEADER)).isEmpty();
        }
        assertThat(zScores.get("customerId").asText()).isEqualTo(z);
        assertThat(zEffort.get("customerId").asText()).isEqualTo(z);
        // A read Y's pointer from B, where it lives.
        assertThat(serverB.received().subList(before, serverB.received().size()))
                .contains(new InstanceServer.Received("/v1/customers/" + y + "/merged-into", true));
    }

    /** Every read API over the scopes, channels, teams, agents and customers of the data. */
    private static List<String> queries(List<String> customers) {
        List<String> queries = new ArrayList<>();
        String at = "&at=" + AT;
        for (String window : List.of("7d", "30d", "all")) {
            queries.add("/v1/scores?scope=global&window=" + window + at);
        }
        for (Channel channel : Channel.values()) {
            queries.add("/v1/scores?scope=channel&key=" + channel.wire() + "&window=30d" + at);
            queries.add("/v1/scores?scope=channel&key=" + channel.wire() + "&window=all");
            queries.add("/v1/effort?scope=channel&key=" + channel.wire());
            queries.add("/v1/scores/trend?scope=channel&key=" + channel.wire() + "&metric=ces&bucket=week" + trendDays());
        }
        for (String team : TEAMS) {
            queries.add("/v1/scores?scope=team&key=" + team + "&window=7d" + at);
            queries.add("/v1/scores?scope=team&key=" + team + "&window=all");
            queries.add("/v1/scores/trend?scope=team&key=" + team + "&metric=nps&bucket=day" + trendDays());
            queries.add("/v1/effort?scope=team&key=" + team);
            queries.add("/v1/scores/consistency?scope=team&key=" + team + "&window=30d" + at);
        }
        AGENTS.forEach(agent -> queries.add("/v1/scores?scope=agent&key=" + agent + "&window=all"));
        queries.add("/v1/effort?scope=global");
        queries.add("/v1/effort/agreement?scope=global");
        queries.add("/v1/scores/consistency?scope=global&window=all" + at);
        for (String customer : customers) {
            queries.add("/v1/scores?scope=customer&key=" + customer + "&window=all");
            queries.add("/v1/scores/trend?scope=customer&key=" + customer + "&metric=csat" + trendDays());
            queries.add("/v1/customers/" + customer + "/scores");
            queries.add("/v1/customers/" + customer + "/effort");
        }
        return queries;
    }

    private static String trendDays() {
        LocalDate last = LocalDate.ofInstant(AT, ZoneOffset.UTC);
        return "&from=" + last.minusDays(27) + "&to=" + last;
    }

    /**
     * One customer's interactions and answers over the last 20 days, appended to {@code events};
     * returns how many NPS, CES and CSAT answers they gave.
     */
    private static int[] journey(Random random, String name, CustomerIds ids, List<KeyValue<String, ContactEvent>> events) {
        String customer = CustomerKeys.customerId(ids);
        int[] answers = new int[3];
        int contacts = 1 + random.nextInt(3);
        for (int i = 0; i < contacts; i++) {
            Instant when = AT.minus(Duration.ofMinutes(60 + random.nextInt(20 * 24 * 60)));
            String conversation = name + "-conv-" + i;
            events.add(KeyValue.pair(customer, new ContactEvent(name + "-i-" + i, "helpdesk", EventType.INTERACTION,
                    Channel.values()[random.nextInt(Channel.values().length)], when, ids, conversation,
                    AGENTS.get(random.nextInt(AGENTS.size())), TEAMS.get(random.nextInt(TEAMS.size())),
                    new InteractionDetails(Direction.INBOUND, random.nextBoolean() ? InteractionStatus.RESOLVED
                            : InteractionStatus.OPEN, random.nextInt(900), 120, random.nextInt(3), null, null),
                    null, null)));
            for (int a = random.nextInt(3); a > 0; a--) {
                Metric metric = Metric.values()[random.nextInt(Metric.values().length)];
                int score = switch (metric) {
                    case NPS -> random.nextInt(11);
                    case CES, CSAT -> 1 + random.nextInt(5);
                };
                answers[metric.ordinal()]++;
                events.add(KeyValue.pair(customer, new ContactEvent(name + "-a-" + i + "-" + a, "survey-tool",
                        EventType.FEEDBACK, Channel.EMAIL, when.plus(Duration.ofMinutes(30)), ids, null, null, null,
                        null, new FeedbackDetails(metric, score, null, null, conversation), null)));
            }
        }
        return answers;
    }

    private static KeyValue<String, ContactEvent> interaction(String customer, String eventId, Channel channel, String team, Instant at,
            int transfers) {
        return KeyValue.pair(customer, new ContactEvent(eventId, "helpdesk", EventType.INTERACTION, channel, at, null,
                eventId + "-conv", "agent-1", team, new InteractionDetails(Direction.INBOUND, InteractionStatus.RESOLVED,
                        30, 120, transfers, null, null), null, null));
    }

    private static KeyValue<String, ContactEvent> answer(String customer, String eventId, Metric metric, int score, Instant at) {
        return KeyValue.pair(customer, new ContactEvent(eventId, "survey-tool", EventType.FEEDBACK, Channel.EMAIL, at,
                null, null, null, null, null, new FeedbackDetails(metric, score, null, null, null), null));
    }

    private static KeyValue<String, CustomersMerged> merge(String merged, String survivor) {
        return KeyValue.pair(merged, new CustomersMerged(survivor, merged, "helpdesk", "link-" + merged,
                List.of(), AT, AT));
    }

    /** A customer id, derived from {@code prefix}, whose customer-keyed state lives on the instance at {@code port}. */
    private String customerOwnedBy(String prefix, int port) {
        for (int n = 0; ; n++) {
            String customer = CustomerKeys.customerId(new CustomerIds(null, prefix + n + "@example.com", null, null, null));
            if (ownerOf(ScoringTopology.MERGED_CUSTOMERS_STORE, customer) == port) {
                return customer;
            }
        }
    }

    /** The HTTP port of the instance that owns {@code key} in {@code store}, as instance A's metadata says (and B's). */
    private int ownerOf(String store, String key) {
        int a = streamsA.queryMetadataForKey(store, key, Serdes.String().serializer()).activeHost().port();
        int b = streamsB.queryMetadataForKey(store, key, Serdes.String().serializer()).activeHost().port();
        assertThat(b).as("owner of " + key + " in " + store + " as B sees it").isEqualTo(a);
        return a;
    }

    private static List<TaskMetadata> activeTasks(KafkaStreams streams) {
        return streams.metadataForLocalThreads().stream().flatMap(t -> t.activeTasks().stream()).toList();
    }

    /** The status code of a GET, or why there was none. */
    private static String statusOf(HostInfo instance, String pathAndQuery) throws InterruptedException {
        try {
            HttpResponse<String> response = get(instance, pathAndQuery);
            return response.statusCode() == 200 ? "200" : response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return e.toString();
        }
    }


    /** Instance A: this application, at its application.server address. */
    private static HostInfo instanceA() {
        return HostInfo.buildFromEndpoint(ConfigProvider.getConfig()
                .getValue("quarkus.kafka-streams.application-server", String.class));
    }

    private static HttpResponse<String> get(HostInfo instance, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + instance.host() + ":" + instance.port()
                + pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TestTokens.token("lead@example.com", List.of(Roles.LEAD), List.of()))
                .GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    /** The answer without the end of trailing windows that a customer's scores take from the clock. */
    private static JsonNode stable(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        JsonNode windows = copy.get("windows");
        if (windows != null) {
            windows.fields().forEachRemaining(w -> {
                if (!w.getKey().equals("all")) {
                    ((ObjectNode) w.getValue()).remove("updatedAt");
                }
            });
        }
        return copy;
    }

    /** In order, each acknowledged before the next is sent. */
    private static <V> void produce(Topic<String, V> topic, List<KeyValue<String, V>> records) throws Exception {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(settings, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (KeyValue<String, V> record : records) {
                producer.send(new ProducerRecord<>(topic.name(), record.key, record.value)).get();
            }
        }
    }
}
