package io.omnipulse.profile.streams;

import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Topics;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.IdentifierNormaliser;
import io.omnipulse.profile.domain.IdentityRules;
import io.omnipulse.profile.domain.Label;
import io.omnipulse.profile.domain.ProfileLimits;
import io.omnipulse.profile.domain.Reach;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * The same events in many shuffled orders (fixed seeds, so a failure can be replayed) give the same
 * grouping of identifiers into customers, the same surviving ids and the same counts; and, with crmId
 * conflicts, identifiers bridging two crmIds and identifiers that turn out to be shared in the mix,
 * the grouping is the one {@link #definedGrouping} computes straight from the definition in
 * {@link io.omnipulse.profile.domain.IdentityNode}, and no customer ever holds two crmIds.
 */
class OrderIndependenceTest {

    private static final long[] SEEDS = {7L, 42L, 2025L};
    private static final int SHUFFLES = 4;
    private static final String OFFICE = "020 7000 0000";
    private static final IdentifierNormaliser NORMALISER = new IdentifierNormaliser(IdentityRules.DEFAULTS);

    @Test
    void shuffledEventsGiveTheSameCustomersAndSurvivors() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            List<ContactEvent> events = population(random, 10, 45, false);
            Map<String, String> expected = expectedGrouping(events);
            Map<String, Long> expectedCounts = countsPerCustomer(events, expected);
            for (int shuffle = 0; shuffle < SHUFFLES; shuffle++) {
                List<ContactEvent> order = new ArrayList<>(events);
                Collections.shuffle(order, random);
                Run run = run(order);
                String where = "seed " + seed + ", shuffle " + shuffle;
                assertThat(run.identities).as(where).isEqualTo(expected);
                assertThat(run.counts).as(where).isEqualTo(expectedCounts);
                assertThat(run.resolved).as(where).isEqualTo(events.size());
            }
        }
    }

    @Test
    void shuffledEventsWithConflictingCrmIdsNeverPutTwoCrmIdsInOneCustomer() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            List<ContactEvent> events = population(random, 8, 40, true);
            Map<String, String> expected = definedGrouping(events, IdentityRules.DEFAULTS);
            for (int shuffle = 0; shuffle < SHUFFLES; shuffle++) {
                List<ContactEvent> order = new ArrayList<>(events);
                Collections.shuffle(order, random);
                Run run = run(order);
                assertThat(run.identities).as("seed " + seed + ", shuffle " + shuffle).isEqualTo(expected);
                Map<String, List<String>> crmsPerCustomer = new HashMap<>();
                run.identities.forEach((identifier, customer) -> {
                    if (identifier.startsWith("crm:")) {
                        crmsPerCustomer.computeIfAbsent(customer, c -> new ArrayList<>()).add(identifier);
                    }
                });
                assertThat(crmsPerCustomer.values()).as("seed " + seed).allSatisfy(crms -> assertThat(crms).hasSize(1));
                assertThat(run.counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(events.size());
            }
        }
    }

    @Test
    void bridgesBetweenCrmIdsAndLateSharedIdentifiersGroupAsDefinedInEveryOrder() {
        IdentityRules rules = IdentityRules.DEFAULTS.withMaxCustomersPerIdentifier(3);
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            List<ContactEvent> events = bridgedPopulation(random, 10, 50);
            Map<String, String> expected = definedGrouping(events, rules);
            assertThat(sharedIdentifiers(events, rules)).as("seed " + seed + " has a shared identifier")
                    .contains(new IdentifierNormaliser(rules).typed("phone", OFFICE));
            assertThat(new HashSet<>(expected.values())).as("seed " + seed + " keeps several customers").hasSizeGreaterThan(3);
            assertThat(bridgedCrmIds(events, rules)).as("seed " + seed + " links two crmIds").isTrue();
            Map<String, String> first = null;
            for (int shuffle = 0; shuffle < SHUFFLES; shuffle++) {
                List<ContactEvent> order = new ArrayList<>(events);
                Collections.shuffle(order, random);
                Run run = run(order, rules);
                String where = "seed " + seed + ", shuffle " + shuffle;
                first = first == null ? run.identities : first;
                assertThat(run.identities).as(where).isEqualTo(first).isEqualTo(expected);
                assertThat(run.resolved).as(where).isEqualTo(events.size());
                assertThat(run.counts.values().stream().mapToLong(Long::longValue).sum()).as(where)
                        .isEqualTo(events.size());
            }
        }
    }

    private record Run(Map<String, String> identities, Map<String, Long> counts, int resolved) {
    }

    private static Run run(List<ContactEvent> order) {
        return run(order, IdentityRules.DEFAULTS);
    }

    private static Run run(List<ContactEvent> order, IdentityRules rules) {
        try (TopologyTestDriver driver = TopologyTestSupport.driver(new ProfileTopology(ProfileLimits.DEFAULTS, rules,
                ProfileTopology.DEFAULT_LOOP_TOPIC, new SimpleMeterRegistry()).buildTopology())) {
            var input = TopologyTestSupport.contactEvents(driver);
            var resolved = TopologyTestSupport.output(driver, Topics.RESOLVED_EVENTS);
            for (ContactEvent event : order) {
                input.pipeInput(CustomerKeys.customerId(event.customer()), event);
            }
            Map<String, Long> counts = new TreeMap<>();
            TopologyTestSupport.liveProfiles(driver)
                    .forEach((id, profile) -> counts.put(id, profile.interactionCount()));
            return new Run(TopologyTestSupport.identities(driver), counts, resolved.readValuesToList().size());
        }
    }

    /**
     * People with two e-mails, a phone, a handle and a visitor id; some with a crmId. Each event
     * carries one to three identifiers of one person. With {@code conflicts}, some events carry
     * a crmId of another person with this person's e-mail.
     */
    private static List<ContactEvent> population(Random random, int people, int count, boolean conflicts) {
        List<ContactEvent> events = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int p = random.nextInt(people);
            String crm = p % 3 == 0 ? "C-" + p : null;
            List<String[]> options = new ArrayList<>(List.of(
                    new String[] {"email", "p" + p + "@example.com"},
                    new String[] {"email2", "P" + p + ".alt@Example.com"},
                    new String[] {"phone", "+44 20 7946 " + (1000 + p)},
                    new String[] {"handle", "twitter:@p" + p},
                    new String[] {"visitor", "v-" + p}));
            if (crm != null) {
                options.add(new String[] {"crm", crm});
            }
            Collections.shuffle(options, random);
            int take = 1 + random.nextInt(3);
            String email = null;
            String phone = null;
            String handle = null;
            String visitor = null;
            String crmId = conflicts && random.nextInt(6) == 0 ? "C-" + (p + 1) % people : null;
            for (String[] option : options.subList(0, Math.min(take, options.size()))) {
                switch (option[0]) {
                    case "email", "email2" -> email = email == null ? option[1] : email;
                    case "phone" -> phone = option[1];
                    case "handle" -> handle = option[1];
                    case "visitor" -> visitor = option[1];
                    default -> crmId = crmId == null ? option[1] : crmId;
                }
            }
            Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
            events.add(interaction("ev-" + n, channel, at(random.nextInt(10_000)),
                    new CustomerIds(crmId, email, phone, handle, visitor)));
        }
        return events;
    }

    /**
     * People with e-mails, a phone, a handle and a visitor id, every other one with a crmId. Some
     * events give the office number instead of the person's phone (seen with many customers, so it
     * ends up shared, at a different point in every order); some carry one person's e-mail or crmId
     * with another person's phone or visitor id (a bridge, often between two crmIds).
     */
    private static List<ContactEvent> bridgedPopulation(Random random, int people, int count) {
        List<ContactEvent> events = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int p = random.nextInt(people);
            int q = (p + 1 + random.nextInt(people - 1)) % people;
            String crm = p % 2 == 0 ? "C-" + p : null;
            String email = random.nextBoolean() ? "p" + p + "@example.com" : "P" + p + ".alt@Example.com";
            String phone = random.nextInt(5) == 0 ? OFFICE : "+44 20 7946 " + (1000 + p);
            String handle = "twitter:@p" + p;
            String visitor = "v-" + p;
            CustomerIds who = switch (random.nextInt(9)) {
                case 0 -> new CustomerIds(crm, null, "+44 20 7946 " + (1000 + q), null, null);
                case 1 -> new CustomerIds(null, email, null, null, "v-" + q);
                case 2 -> new CustomerIds(crm, email, null, null, null);
                case 3 -> new CustomerIds(null, email, phone, null, null);
                case 4 -> new CustomerIds(null, null, phone, handle, null);
                case 5 -> new CustomerIds(null, null, null, handle, visitor);
                case 6 -> new CustomerIds(crm, null, null, null, visitor);
                case 7 -> new CustomerIds(null, email, OFFICE, null, null);
                default -> new CustomerIds(null, email, null, null, null);
            };
            if (CustomerKeys.customerId(who) == null) {
                who = new CustomerIds(null, email, null, null, null);
            }
            Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
            events.add(interaction("ev-" + n, channel, at(random.nextInt(10_000)), who));
        }
        // The office number on four customers for sure, at random times: more than the test's limit of 3.
        for (int p : new int[] {1, 3, 5, 7}) {
            events.add(interaction("office-" + p, Channel.CALL, at(random.nextInt(10_000)),
                    new CustomerIds(null, "p" + p + "@example.com", OFFICE, null, null)));
        }
        // At least one bridge for sure: an identifier of C-0's and one of C-2's, seen together.
        events.add(interaction("anchor-0", Channel.EMAIL, at(random.nextInt(10_000)),
                new CustomerIds("C-0", "p0@example.com", null, null, null)));
        events.add(interaction("anchor-2", Channel.SOCIAL, at(random.nextInt(10_000)),
                new CustomerIds("C-2", null, null, "twitter:@bridge", null)));
        events.add(interaction("bridge", Channel.CHAT, at(random.nextInt(10_000)),
                new CustomerIds(null, "p0@example.com", null, "twitter:@bridge", null)));
        return events;
    }

    /**
     * The definition, computed from the whole set of events at once by breadth-first search: shared
     * identifiers are their own customers; any other belongs to its nearest crm identifier (fewest
     * links, then crmId) within the hop cap, else to the oldest identifier within it (first seen,
     * then strength, then id).
     */
    static Map<String, String> definedGrouping(List<ContactEvent> events, IdentityRules rules) {
        IdentifierNormaliser normaliser = new IdentifierNormaliser(rules);
        Set<String> shared = sharedIdentifiers(events, rules);
        Map<String, Instant> firstSeen = new HashMap<>();
        Map<String, Set<String>> edges = new HashMap<>();
        for (ContactEvent event : events) {
            List<String> ids = normaliser.normalise(event.customer()).usable();
            for (String id : ids) {
                firstSeen.merge(id, event.occurredAt(), (a, b) -> a.isBefore(b) ? a : b);
                edges.computeIfAbsent(id, i -> new TreeSet<>());
                for (String other : ids) {
                    if (!other.equals(id) && !shared.contains(id) && !shared.contains(other)) {
                        edges.get(id).add(other);
                    }
                }
            }
        }
        Comparator<String> oldest = Comparator.comparing((String id) -> firstSeen.get(id))
                .thenComparingInt(IdentifierNormaliser::strength).thenComparing(CustomerKeys::customerIdOf);
        Map<String, String> out = new TreeMap<>();
        for (String start : edges.keySet()) {
            Map<String, Integer> hops = new HashMap<>(Map.of(start, 0));
            ArrayDeque<String> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                String at = queue.poll();
                if (hops.get(at) == Reach.MAX_HOPS) {
                    continue;
                }
                for (String next : edges.get(at)) {
                    if (hops.putIfAbsent(next, hops.get(at) + 1) == null) {
                        queue.add(next);
                    }
                }
            }
            String owner = hops.keySet().stream().filter(id -> id.startsWith("crm:"))
                    .min(Comparator.comparing((String id) -> hops.get(id)).thenComparing(IdentifierNormaliser::valueOf))
                    .orElseGet(() -> hops.keySet().stream().min(oldest).orElseThrow());
            out.put(start, CustomerKeys.customerIdOf(owner));
        }
        return out;
    }

    /** Identifiers whose events named too many stronger identifiers as their strongest, or too many co-identifiers. */
    static Set<String> sharedIdentifiers(List<ContactEvent> events, IdentityRules rules) {
        IdentifierNormaliser normaliser = new IdentifierNormaliser(rules);
        Map<String, Set<String>> customers = new HashMap<>();
        Map<String, Set<String>> seenWith = new HashMap<>();
        for (ContactEvent event : events) {
            List<String> ids = normaliser.normalise(event.customer()).usable();
            for (String id : ids) {
                Set<String> stronger = customers.computeIfAbsent(id, i -> new HashSet<>());
                if (IdentifierNormaliser.strength(ids.get(0)) < IdentifierNormaliser.strength(id)) {
                    stronger.add(ids.get(0));
                }
                seenWith.computeIfAbsent(id, i -> new HashSet<>()).addAll(ids);
            }
        }
        Set<String> shared = new TreeSet<>();
        customers.forEach((id, stronger) -> {
            if (stronger.size() > rules.maxCustomersPerIdentifier()
                    || seenWith.get(id).size() - 1 > rules.maxLinksPerIdentifier()) {
                shared.add(id);
            }
        });
        return shared;
    }

    /** Whether some event links identifiers whose customers by the definition carry two different crmIds. */
    private static boolean bridgedCrmIds(List<ContactEvent> events, IdentityRules rules) {
        Map<String, String> grouping = definedGrouping(events, rules);
        Set<String> crmCustomers = new HashSet<>();
        grouping.forEach((id, customer) -> {
            if (id.startsWith("crm:")) {
                crmCustomers.add(customer);
            }
        });
        Set<String> shared = sharedIdentifiers(events, rules);
        IdentifierNormaliser normaliser = new IdentifierNormaliser(rules);
        return events.stream().map(e -> normaliser.normalise(e.customer()).usable())
                .anyMatch(ids -> ids.stream().filter(id -> !shared.contains(id)).map(grouping::get)
                        .filter(crmCustomers::contains).distinct().count() > 1);
    }

    /** A reference union-find over all events at once: the answer no arrival order may change. */
    private static Map<String, String> expectedGrouping(List<ContactEvent> events) {
        Map<String, String> parent = new HashMap<>();
        Map<String, Label> own = new HashMap<>();
        for (ContactEvent event : events) {
            List<String> ids = NORMALISER.normalise(event.customer()).usable();
            for (String id : ids) {
                parent.putIfAbsent(id, id);
                Label seen = Label.own(id, event.occurredAt());
                own.merge(id, seen, (a, b) -> a.since().isBefore(b.since()) ? a : b);
                union(parent, ids.get(0), id);
            }
        }
        Map<String, Label> groupLabel = new HashMap<>();
        own.forEach((id, label) -> groupLabel.merge(find(parent, id), label, (a, b) -> a.join(b)));
        Map<String, String> out = new TreeMap<>();
        parent.keySet().forEach(id -> out.put(id, groupLabel.get(find(parent, id)).customerId()));
        return out;
    }

    private static Map<String, Long> countsPerCustomer(List<ContactEvent> events, Map<String, String> grouping) {
        Map<String, Long> out = new TreeMap<>();
        for (ContactEvent event : events) {
            String first = NORMALISER.normalise(event.customer()).usable().get(0);
            out.merge(grouping.get(first), 1L, Long::sum);
        }
        return out;
    }

    private static String find(Map<String, String> parent, String id) {
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.put(find(parent, a), find(parent, b));
    }
}
