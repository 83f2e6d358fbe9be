package io.omnipulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.devstack.ServiceProcess;
import io.omnipulse.devstack.Stack;
import io.omnipulse.events.Topics;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * The instances of profile- and scoring-service in a stack that runs several of each: whether every
 * query answers alike on each of them, which instance owns a customer's state, and what each member
 * of a service's consumer group holds. Each query goes to one instance's own port; the instance
 * forwards to the owner what it does not own.
 */
final class StreamsInstances implements AutoCloseable {

    static final String PROFILE = "profile-service";
    static final String SCORING = "scoring-service";
    /**
     * How long the instances get to agree on a query whose answer changes while events flow. A store that
     * is not the owner's, or is stale, disagrees for good, so this bounds patience, not correctness: in CI
     * the agreement after the warm-up took 42 to 47.5 s of a minute (commits between the reads, and owners
     * slower than scoring's 2 s forward timeout while both cores were taken), and 64 s of these two
     * minutes while the first instance was asked only before and after the others; asked throughout,
     * what is left to wait for is stores that are not ready yet (503). Two minutes, as
     * {@link #OWNERSHIP_DEADLINE}.
     */
    private static final Duration AGREEMENT_DEADLINE = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Between two reads of the first instance while the others answer (see {@link #askUntil}). */
    private static final Duration REASK = Duration.ofMillis(40);
    /** Requests in flight at once: enough to keep both instances busy, not so many that they queue. */
    private static final int IN_FLIGHT = 16;
    /** How long partitions may take to settle on their owners (after a rebalance: restoring their stores). */
    private static final Duration OWNERSHIP_DEADLINE = Duration.ofMinutes(2);
    /**
     * Headers that make an instance answer from its own stores or 503, never forward (the forwarding
     * marks of interactive-queries' OwnerForwarder: profile's hop count at its maximum, scoring's
     * "forwarded already"), and the customer's resource asked: who answers 200 owns the customer.
     */
    private static final Map<String, Map<String, String>> OWN_STORES_ONLY = Map.of(
            PROFILE, Map.of("X-Omnipulse-Hops", "2"), SCORING, Map.of("X-OmniPulse-Forwarded", "true"));
    private static final Map<String, String> OWNED_RESOURCE = Map.of(PROFILE, "", SCORING, "/effort");
    /** Each service's consumer group, by prefix (its application id carries a version). */
    private static final Map<String, String> GROUPS = Map.of(PROFILE, "omnipulse-profile", SCORING, "omnipulse-scoring");

    /**
     * One read: the service asked, its path and query, the JSON body of a POST (null: a GET), and a
     * count in the answer ({@code countPath}, null for none) that must be at least {@code atLeast}.
     */
    record Query(String service, String path, String body, String countPath, long atLeast) {

        static Query get(String service, String path) {
            return new Query(service, path, null, null, 0);
        }

        @Override
        public String toString() {
            return (body == null ? "GET " : "POST ") + service + path + (body == null ? "" : " " + body);
        }
    }

    /** What an instance (by process name) answered: status and body; status -1 for no answer. */
    record Answer(String instance, int status, String body) {
    }

    private final Stack stack;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Admin admin;

    /** Queries with {@code token}, a bearer token that may read every customer. */
    StreamsInstances(Stack stack, String token) {
        this.stack = stack;
        this.token = token;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    /**
     * {@code perPartition} customers with an interaction from each of the {@code partitions} partitions of
     * the input topic (and so of the resolved events, keyed alike), as far as {@code accepted} has them:
     * whichever way the partitions are shared out, every instance owns some of them.
     */
    static List<Integer> spreadOverPartitions(Oracle accepted, int perPartition, int partitions) {
        Map<Integer, List<Integer>> byPartition = new TreeMap<>();
        for (int customer : accepted.customers()) {
            List<Integer> chosen = byPartition.computeIfAbsent(partitionOf(FaultSuiteIT.customerId(customer), partitions),
                    p -> new ArrayList<>());
            if (accepted.interactions(customer) > 0 && chosen.size() < perPartition) {
                chosen.add(customer);
            }
        }
        return byPartition.values().stream().flatMap(List::stream).toList();
    }

    private static int partitionOf(String key, int partitions) {
        // Kafka's default partitioner, as ingest's producer keys each event by its customer id.
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * The queries compared: each customer's profile by id and by e-mail, scores and effort index; NPS
     * overall for every window, per channel and per team; the effort index overall, per channel and
     * per team. Their counts are at least what {@code processed} holds; trailing windows end at {@code at}.
     */
    static List<Query> queries(Collection<Integer> customers, Oracle processed, Instant at) {
        List<Query> queries = new ArrayList<>();
        for (int customer : customers) {
            String id = FaultSuiteIT.customerId(customer);
            long answers = processed.customer(customer).n();
            queries.add(new Query(PROFILE, "/v1/customers/" + id, null, "interactionCount",
                    processed.interactions(customer)));
            queries.add(new Query(PROFILE, "/v1/customers/lookup",
                    "{\"email\":\"" + SteadyEventLoad.email(customer) + "\"}", "feedbackCount", answers));
            queries.add(new Query(SCORING, "/v1/customers/" + id + "/scores", null, "windows.all.nps.n", answers));
            queries.add(Query.get(SCORING, "/v1/customers/" + id + "/effort"));
        }
        for (String window : List.of("7d", "30d", "90d")) {
            queries.add(Query.get(SCORING, "/v1/scores?scope=global&window=" + window + "&at=" + at));
        }
        queries.add(new Query(SCORING, "/v1/scores?scope=global&window=all", null, "nps.n", processed.global().n()));
        for (String channel : SteadyEventLoad.CHANNELS) {
            queries.add(new Query(SCORING, "/v1/scores?scope=channel&key=" + channel + "&window=all", null, "nps.n",
                    processed.channel(channel).n()));
            queries.add(Query.get(SCORING, "/v1/effort?scope=channel&key=" + channel));
        }
        for (String team : SteadyEventLoad.TEAMS) {
            queries.add(Query.get(SCORING, "/v1/scores?scope=team&key=" + team + "&window=30d&at=" + at));
            queries.add(Query.get(SCORING, "/v1/effort?scope=team&key=" + team));
        }
        queries.add(Query.get(SCORING, "/v1/effort"));
        return queries;
    }

    /**
     * Every query answers 200 with the same body on each of {@code instances} (numbers from 1), its
     * count at least the floor. While events flow an answer may change between two reads: the first
     * instance is asked before the others, again and again while they answer, and once more after, and
     * each other instance's answer must be one of the first's (what the store held at some moment in
     * between). Queries that fail so are asked
     * again; an instance that keeps answering 404 or 503, or otherwise, fails them after
     * {@link #AGREEMENT_DEADLINE}. Returns why the last round before they all agreed failed (what
     * took longest), empty if the first round passed.
     */
    List<String> assertAnswerAlike(List<Query> queries, List<Integer> instances) {
        Set<Query> pending = new LinkedHashSet<>(queries);
        List<String> lastFailing = new ArrayList<>();
        await(queries.size() + " queries alike on instances " + instances).atMost(AGREEMENT_DEADLINE)
                .pollDelay(Duration.ZERO).pollInterval(POLL).untilAsserted(() -> {
                    List<Query> asking = List.copyOf(pending);
                    List<Asked> answers = inBatches(asking, query -> askBetween(query, instances));
                    List<String> failing = new ArrayList<>();
                    for (int q = 0; q < asking.size(); q++) {
                        String failure = failure(asking.get(q), answers.get(q));
                        if (failure == null) {
                            pending.remove(asking.get(q));
                        } else {
                            failing.add(failure);
                        }
                    }
                    if (!failing.isEmpty()) {
                        lastFailing.clear();
                        lastFailing.addAll(failing);
                    }
                    assertThat(failing).as("queries not answered alike (yet)").isEmpty();
                });
        return lastFailing;
    }

    /**
     * Why these answers to {@code query} fail it (not 200, an other instance's answer that the first
     * never gave meanwhile, a count below the floor); null if they pass.
     */
    private static String failure(Query query, Asked asked) {
        for (Answer answer : asked.all()) {
            if (answer.status() != 200) {
                return query + " on " + answer.instance() + ": " + answer.status() + " " + shortened(answer.body());
            }
        }
        Set<Object> given = new HashSet<>();
        asked.first().forEach(answer -> given.add(comparable(answer.body())));
        for (Answer answer : asked.others()) {
            if (!given.contains(comparable(answer.body()))) {
                Answer before = asked.first().get(0);
                Answer after = asked.first().get(asked.first().size() - 1);
                return query + ": " + before.instance() + " " + shortened(before.body()) + " then, "
                        + (asked.first().size() - 1) + " answers later, " + shortened(after.body()) + ", but "
                        + answer.instance() + " " + shortened(answer.body());
            }
        }
        Answer first = asked.first().get(0);
        if (query.countPath() != null && JsonPath.from(first.body()).getLong(query.countPath()) < query.atLeast()) {
            return query + ": " + query.countPath() + " below the " + query.atLeast() + " processed before: "
                    + shortened(first.body());
        }
        return null;
    }

    private static String shortened(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    /** The answer as compared: without the end of a customer's trailing windows, which is "now". */
    private static Object comparable(String body) {
        Object json = JsonPath.from(body).get();
        if (json instanceof Map<?, ?> root && root.get("windows") instanceof Map<?, ?> windows) {
            Map<Object, Object> withoutEnds = new LinkedHashMap<>();
            windows.forEach((name, window) -> {
                Map<Object, Object> copy = new LinkedHashMap<>((Map<?, ?>) window);
                copy.remove("updatedAt");
                withoutEnds.put(name, copy);
            });
            Map<Object, Object> copy = new LinkedHashMap<>(root);
            copy.put("windows", withoutEnds);
            return copy;
        }
        return json;
    }

    /**
     * Which of {@code instances} owns each customer's state in {@code service}, by instance: asked not
     * to forward, the owner answers 200 and the others 503. Awaited until each customer has exactly one
     * owner among them (while partitions move, none or two may claim one).
     */
    Map<Integer, Set<Integer>> owners(String service, Collection<Integer> customers, List<Integer> instances) {
        Map<Integer, Set<Integer>> owners = new TreeMap<>();
        await(service + ": one owner for each customer among instances " + instances).atMost(OWNERSHIP_DEADLINE)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    owners.clear();
                    List<String> unsettled = new ArrayList<>();
                    List<Integer> asking = List.copyOf(customers);
                    List<List<Answer>> answers = inBatches(asking, customer -> askEach(Query.get(service,
                            "/v1/customers/" + FaultSuiteIT.customerId(customer) + OWNED_RESOURCE.get(service)),
                            instances, OWN_STORES_ONLY.get(service)));
                    for (int c = 0; c < asking.size(); c++) {
                        List<Integer> claiming = new ArrayList<>();
                        for (int i = 0; i < instances.size(); i++) {
                            Answer answer = answers.get(c).get(i);
                            assertThat(answer.status()).as("customer " + asking.get(c) + " on " + answer.instance()
                                    + ", not forwarded: " + shortened(answer.body())).isIn(200, 503);
                            if (answer.status() == 200) {
                                claiming.add(instances.get(i));
                            }
                        }
                        if (claiming.size() == 1) {
                            owners.computeIfAbsent(claiming.get(0), i -> new TreeSet<>()).add(asking.get(c));
                        } else {
                            unsettled.add(asking.get(c) + " claimed by " + claiming);
                        }
                    }
                    assertThat(unsettled).as(service + ": customers without exactly one owner").isEmpty();
                });
        return owners;
    }

    /** The answers to GETs of {@code paths} on {@code instance}, in order; asked {@link #IN_FLIGHT} at a time. */
    List<Answer> getAll(ServiceProcess instance, List<String> paths) {
        return inBatches(paths, path -> ask(instance, Query.get(instance.name(), path), Map.of()));
    }

    /**
     * {@code query} asked of the first of {@code instances}; then of the others at once while the first
     * is asked again and again; then of the first once more. A busy box takes longer over the others'
     * answers than a commit interval of the service, so asking the first only before and after them
     * left two changes between its answers most of the time, and the check passed only by luck.
     */
    private CompletableFuture<Asked> askBetween(Query query, List<Integer> instances) {
        ServiceProcess first = stack.service(query.service(), instances.get(0));
        List<Integer> others = instances.subList(1, instances.size());
        List<Answer> ofFirst = new CopyOnWriteArrayList<>();
        return ask(first, query, Map.of()).thenCompose(before -> {
            ofFirst.add(before);
            CompletableFuture<List<Answer>> between = askEach(query, others, Map.of());
            return askUntil(first, query, between, ofFirst).thenCompose(meanwhile -> between)
                    .thenCompose(ofOthers -> ask(first, query, Map.of()).thenApply(after -> {
                        ofFirst.add(after);
                        return new Asked(List.copyOf(ofFirst), ofOthers);
                    }));
        });
    }

    /**
     * Asks {@code instance} again every {@link #REASK} until {@code done} is, adding each answer to
     * {@code into}. Spaced, so that sixteen such loops do not slow the very instances they wait for; a
     * store's answer changes at most once a commit interval (100 ms and more), longer than the spacing.
     */
    private CompletableFuture<Void> askUntil(ServiceProcess instance, Query query, CompletableFuture<?> done,
            List<Answer> into) {
        if (done.isDone()) {
            return CompletableFuture.completedFuture(null);
        }
        return ask(instance, query, Map.of()).thenComposeAsync(answer -> {
            into.add(answer);
            return askUntil(instance, query, done, into);
        }, CompletableFuture.delayedExecutor(REASK.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The answers of the first instance, in the order given, and of the others. */
    private record Asked(List<Answer> first, List<Answer> others) {

        List<Answer> all() {
            List<Answer> all = new ArrayList<>(first);
            all.addAll(others);
            return all;
        }
    }

    /** {@code query} asked of each of {@code instances} at once. */
    private CompletableFuture<List<Answer>> askEach(Query query, List<Integer> instances, Map<String, String> headers) {
        List<CompletableFuture<Answer>> asked = instances.stream()
                .map(i -> ask(stack.service(query.service(), i), query, headers)).toList();
        return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
                .thenApply(done -> asked.stream().map(CompletableFuture::join).toList());
    }

    /** Starts each item's request, {@link #IN_FLIGHT} at a time, and returns the results in order. */
    private static <T, R> List<R> inBatches(List<T> items, Function<T, CompletableFuture<R>> start) {
        List<R> results = new ArrayList<>();
        for (int from = 0; from < items.size(); from += IN_FLIGHT) {
            List<CompletableFuture<R>> batch = items.subList(from, Math.min(items.size(), from + IN_FLIGHT)).stream()
                    .map(start).toList();
            batch.forEach(future -> results.add(future.join()));
        }
        return results;
    }

    private CompletableFuture<Answer> ask(ServiceProcess instance, Query query, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + query.path()))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        if (query.body() != null) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(query.body()));
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(instance.name(), r.statusCode(), r.body()))
                .exceptionally(e -> new Answer(instance.name(), -1, e.toString()));
    }

    /**
     * Awaits a consumer group of {@code service} with {@code members} members that hold every
     * partition of the service's input topics between them: with one member, the survivor holds all.
     */
    void awaitGroup(String service, int members, Duration deadline) {
        await(service + ": " + members + " members holding every input partition").atMost(deadline)
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                    Map<String, Set<TopicPartition>> assignment = assignment(service);
                    Set<TopicPartition> missing = new TreeSet<>(Comparator.comparing(TopicPartition::toString));
                    missing.addAll(inputPartitions(service));
                    assignment.values().forEach(missing::removeAll);
                    assertThat(assignment.keySet()).as(service + "'s group members").hasSize(members);
                    assertThat(missing).as(service + ": input partitions no member holds").isEmpty();
                });
    }

    /** How many members the consumer group of {@code service} has now. */
    int members(String service) throws Exception {
        return assignment(service).size();
    }

    /** The partitions each member (by client id) of the service's consumer group is assigned. */
    Map<String, Set<TopicPartition>> assignment(String service) throws Exception {
        String prefix = GROUPS.get(service);
        String group = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId).filter(g -> g.startsWith(prefix)).findFirst().orElseThrow();
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                .get(10, TimeUnit.SECONDS).get(group);
        Map<String, Set<TopicPartition>> assignment = new LinkedHashMap<>();
        for (MemberDescription member : description.members()) {
            assignment.put(member.clientId(), member.assignment().topicPartitions());
        }
        return assignment;
    }

    private Set<TopicPartition> inputPartitions(String service) throws Exception {
        Set<TopicPartition> partitions = new HashSet<>();
        for (String topic : ConsumerCatchUp.INPUTS.get(GROUPS.get(service))) {
            int count = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
            for (int p = 0; p < count; p++) {
                partitions.add(new TopicPartition(topic, p));
            }
        }
        return partitions;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
