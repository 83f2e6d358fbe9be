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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * The same events in many shuffled orders (fixed seeds, so a failure can be replayed) give the same
 * grouping of identifiers into customers, the same surviving ids and the same counts; and, with crmId
 * conflicts in the mix, no customer ever holds two crmIds.
 */
class OrderIndependenceTest {

    private static final long[] SEEDS = {7L, 42L, 2025L};
    private static final int SHUFFLES = 4;
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
            for (int shuffle = 0; shuffle < SHUFFLES; shuffle++) {
                List<ContactEvent> order = new ArrayList<>(events);
                Collections.shuffle(order, random);
                Run run = run(order);
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

    private record Run(Map<String, String> identities, Map<String, Long> counts, int resolved) {
    }

    private static Run run(List<ContactEvent> order) {
        try (TopologyTestDriver driver = TopologyTestSupport.driver(
                new ProfileTopology(ProfileLimits.DEFAULTS, new SimpleMeterRegistry()).buildTopology())) {
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
