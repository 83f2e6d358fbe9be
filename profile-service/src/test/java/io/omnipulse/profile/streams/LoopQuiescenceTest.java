package io.omnipulse.profile.streams;

import static io.omnipulse.profile.TestEvents.annByEmail;
import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnipulse.devstack.simulator.JourneyGenerator;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.Topics;
import io.omnipulse.profile.domain.IdentifierNormaliser;
import io.omnipulse.profile.domain.IdentityRules;
import io.omnipulse.profile.domain.ProfileLimits;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.streamsupport.binary.ContactEventCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * Identity resolution comes to rest: after every event of a messy population (fixed seeds) the loop
 * topic stops growing, no message trips the hop guard, the grouping is the defined one, and the
 * merges published never form a cycle when read in order, as scoring and alerting read them: a
 * merge back into a customer that was merged before (after a split, or when a late, earlier event
 * made it the oldest) comes after the word that it lives again (a merge into itself).
 */
class LoopQuiescenceTest {

    private static final long[] SEEDS = {3L, 11L, 2026L};
    private static final IdentityRules RULES = IdentityRules.DEFAULTS.withMaxCustomersPerIdentifier(3);

    @Test
    void messyPopulationsComeToRestWithoutAMergeCycle() {
        int reverseMerges = 0;
        int splits = 0;
        for (long seed : SEEDS) {
            List<ContactEvent> events = MessyPopulation.events(new Random(seed), 12, 300);
            Run run = run(events, RULES);
            String where = "seed " + seed;
            assertThat(run.guardTripped).as(where).isZero();
            assertThat(run.maxLoopRecordsPerEvent).as(where).isLessThan(2_000);
            assertThat(run.loopRecords).as(where).isLessThan(40L * events.size());
            assertThat(run.maxHops).as(where).isLessThan(ProfileTopology.DEFAULT_MAX_LOOP_HOPS / 2);
            assertThat(run.identities).as(where)
                    .isEqualTo(OrderIndependenceTest.definedGrouping(new ArrayList<>(new LinkedHashSet<>(events)), RULES));
            // Each event once (re-sends dropped), except those with nothing but junk to identify them.
            IdentifierNormaliser normaliser = new IdentifierNormaliser(RULES);
            assertThat(run.resolved).as(where).isEqualTo(new HashSet<>(events).stream()
                    .filter(e -> !normaliser.normalise(e.customer()).usable().isEmpty()).count());
            reverseMerges += assertNoCycle(run.merges, where);
            splits += run.splits;
        }
        // The populations do what they are for: merges went both ways, and groups were split.
        assertThat(reverseMerges).isPositive();
        assertThat(splits).isPositive();
    }

    @Test
    void simulatedJourneysComeToRestWithoutAMergeCycle() {
        JourneyGenerator generator = new JourneyGenerator(2026L, 300);
        List<ContactEvent> events = new ArrayList<>();
        Instant now = Instant.parse("2026-11-01T00:00:00Z");
        while (events.size() < 4_000) {
            events.addAll(generator.nextJourney(now));
            now = now.plusSeconds(20);
        }
        Run run = run(events, IdentityRules.DEFAULTS);
        assertThat(run.guardTripped).isZero();
        assertThat(run.maxHops).isLessThan(ProfileTopology.DEFAULT_MAX_LOOP_HOPS / 2);
        assertThat(run.merges).isNotEmpty();
        assertNoCycle(run.merges, "simulated journeys");
    }

    @Test
    void aCustomerMergedBackIntoOneItWasMergedIntoIsFirstSaidToLiveAgain() {
        CustomerIds visitor = new CustomerIds(null, null, null, null, "v-42");
        CustomerIds both = new CustomerIds(null, "ann@example.com", null, null, "v-42");
        String ann = CustomerKeys.customerId(annByEmail());
        String v42 = CustomerKeys.customerId(visitor);
        Run run = run(List.of(
                interaction("chat-1", Channel.CHAT, at(10), visitor),
                interaction("mail-1", Channel.EMAIL, at(20), annByEmail()),
                interaction("chat-2", Channel.CHAT, at(30), both),
                // Late, and earlier than anything: the e-mail is now the oldest, so the chat visitor merges into Ann.
                interaction("mail-0", Channel.EMAIL, at(5), annByEmail())), IdentityRules.DEFAULTS);

        assertThat(run.merges).extracting(m -> m.mergedId() + "->" + m.survivorId())
                .containsExactly(ann + "->" + v42, ann + "->" + ann, v42 + "->" + ann);
        assertNoCycle(run.merges, "reverse merge");
    }

    @Test
    void aMessageOverTheHopBoundIsDroppedCountedAndTheNextOneIsProcessed() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (TopologyTestDriver driver = TopologyTestSupport.continuingAfterErrors(topology(IdentityRules.DEFAULTS, meters).buildTopology())) {
            var loop = driver.createInputTopic(ProfileTopology.DEFAULT_LOOP_TOPIC, Serdes.String().serializer(),
                    ProfileTopology.LOOP_SERDE.serializer());
            ContactEvent event = interaction("mail-1", Channel.EMAIL, at(1), annByEmail());
            String ann = CustomerKeys.customerId(annByEmail());
            loop.pipeInput(ann, new LoopMessage.Fold(event, ProfileTopology.DEFAULT_MAX_LOOP_HOPS + 1));
            assertThat(TopologyTestSupport.profile(driver, ann)).isNull();

            loop.pipeInput(ann, new LoopMessage.Fold(event, ProfileTopology.DEFAULT_MAX_LOOP_HOPS));

            assertThat(meters.get("omnipulse.loop.guard.tripped").tag("topic", ProfileTopology.DEFAULT_LOOP_TOPIC)
                    .counter().count()).isEqualTo(1);
            assertThat(TopologyTestSupport.profile(driver, ann).interactionCount()).isEqualTo(1);
        }
    }

    @Test
    void aMessageWithoutAHopCountIsReadAsNoHopsYet() {
        try (TopologyTestDriver driver = TopologyTestSupport.driver(topology(IdentityRules.DEFAULTS, new SimpleMeterRegistry()).buildTopology())) {
            var loop = driver.createInputTopic(ProfileTopology.DEFAULT_LOOP_TOPIC, Serdes.String().serializer(),
                    Serdes.ByteArray().serializer());
            String ann = CustomerKeys.customerId(annByEmail());
            // A fold as written before hops were counted: version 3, kind 5 (fold), fields: the event only.
            BinaryWriter withoutHops = new BinaryWriter(256).u8(3).u8(5).varint(1);
            ContactEventCodec.write(withoutHops, interaction("mail-1", Channel.EMAIL, at(1), annByEmail()));
            byte[] fold = withoutHops.toByteArray();
            assertThat(ProfileTopology.LOOP_SERDE.deserializer().deserialize("loop", fold).hops()).isZero();

            loop.pipeInput(ann, fold);

            assertThat(TopologyTestSupport.profile(driver, ann).interactionCount()).isEqualTo(1);
        }
    }

    private record Run(Map<String, String> identities, List<CustomersMerged> merges, long resolved, long loopRecords,
            int maxLoopRecordsPerEvent, int maxHops, double guardTripped, int splits) {
    }

    private static ProfileTopology topology(IdentityRules rules, SimpleMeterRegistry meters) {
        return new ProfileTopology(ProfileLimits.DEFAULTS, rules, ProfileTopology.DEFAULT_LOOP_TOPIC, meters);
    }

    private static Run run(List<ContactEvent> events, IdentityRules rules) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (TopologyTestDriver driver = TopologyTestSupport.continuingAfterErrors(topology(rules, meters).buildTopology())) {
            var input = TopologyTestSupport.contactEvents(driver);
            var merges = TopologyTestSupport.merges(driver);
            var audit = TopologyTestSupport.audit(driver);
            var resolved = TopologyTestSupport.output(driver, Topics.RESOLVED_EVENTS);
            TestOutputTopic<String, LoopMessage> loop = driver.createOutputTopic(ProfileTopology.DEFAULT_LOOP_TOPIC,
                    Serdes.String().deserializer(), ProfileTopology.LOOP_SERDE.deserializer());
            List<CustomersMerged> published = new ArrayList<>();
            long loopRecords = 0;
            int maxPerEvent = 0;
            int maxHops = 0;
            for (ContactEvent event : events) {
                input.pipeInput(CustomerKeys.customerId(event.customer()), event);
                // The driver runs the loop until nothing is left: what it wrote for this event is all there is.
                List<LoopMessage> written = loop.readValuesToList();
                loopRecords += written.size();
                maxPerEvent = Math.max(maxPerEvent, written.size());
                for (LoopMessage m : written) {
                    maxHops = Math.max(maxHops, m.hops());
                }
                published.addAll(merges.readValuesToList());
            }
            int splits = (int) audit.readValuesToList().stream().filter(a -> a.kind().equals("customers-split")).count();
            return new Run(TopologyTestSupport.identities(driver), published, resolved.readValuesToList().size(),
                    loopRecords, maxPerEvent, maxHops,
                    meters.get("omnipulse.loop.guard.tripped").counter().count(), splits);
        }
    }

    /**
     * Reads the merges in order, as a downstream service does (a merge into itself drops the id's
     * pointer; a merge of an id already pointing at that survivor is a replay), and asserts that
     * following the pointers from every merged id ends. Written without production code.
     *
     * @return how many merges went back into a customer that had been merged into the merged id
     */
    private static int assertNoCycle(List<CustomersMerged> merges, String where) {
        Map<String, String> pointer = new HashMap<>();
        Set<String> mergedBefore = new HashSet<>();
        int reverse = 0;
        for (CustomersMerged m : merges) {
            if (m.survivorId().equals(m.mergedId())) {
                pointer.remove(m.mergedId());
                continue;
            }
            if (mergedBefore.contains(m.survivorId() + ">" + m.mergedId())) {
                reverse++;
            }
            mergedBefore.add(m.mergedId() + ">" + m.survivorId());
            pointer.put(m.mergedId(), m.survivorId());
            Set<String> seen = new HashSet<>();
            String at = m.mergedId();
            while (at != null && seen.add(at)) {
                at = pointer.get(at);
            }
            assertThat(at).as(where + ": merge of " + m.mergedId() + " into " + m.survivorId() + " closes a cycle")
                    .isNull();
        }
        return reverse;
    }
}
