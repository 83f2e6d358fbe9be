package io.omnipulse.profile.streams;

import static io.omnipulse.profile.TestEvents.annByCall;
import static io.omnipulse.profile.TestEvents.annByChat;
import static io.omnipulse.profile.TestEvents.annByEmail;
import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.feedback;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnipulse.events.Channel;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.ErasureProgress;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Topics;
import io.omnipulse.profile.domain.ErasureStatus;
import io.omnipulse.profile.domain.ProfileLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An erasure forgets a customer everywhere in profile-service's stores (profile, identifier index,
 * merged ids), publishes that profile-service is done only after the last entry went, and keeps what
 * was ingested before it from coming back, while a later contact starts afresh.
 */
class ProfileErasureTest {

    private static final Instant REQUESTED = Instant.parse("2026-11-29T12:00:00Z");
    private static final CustomerIds BOB = new CustomerIds(null, "bob@example.com", null, null, null);
    /** Ann anonymous in the chat first: a customer of her own until she logs in, then merged into Ann. */
    private static final CustomerIds ANN_ANONYMOUS = new CustomerIds(null, null, null, null, "v-42");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestOutputTopic<String, ErasureProgress> progress;
    private final String ann = CustomerKeys.customerId(annByEmail());
    private final String annAnonymous = CustomerKeys.customerId(ANN_ANONYMOUS);
    private final String bob = CustomerKeys.customerId(BOB);

    @BeforeEach
    void start() {
        driver = TopologyTestSupport.driver(new ProfileTopology(ProfileLimits.DEFAULTS, registry).buildTopology());
        progress = TopologyTestSupport.output(driver, Topics.ERASURE_PROGRESS);
        var contacts = TopologyTestSupport.contactEvents(driver);
        contacts.pipeInput("k", interaction("a0", Channel.CHAT, at(0), ANN_ANONYMOUS).withIngestedAt(at(0)));
        contacts.pipeInput("k", interaction("a1", Channel.EMAIL, at(1), annByEmail()).withIngestedAt(at(1)));
        contacts.pipeInput("k", feedback("a2", Channel.CALL, at(2), annByCall(), Metric.NPS, 2, "Ann's own words")
                .withIngestedAt(at(2)));
        contacts.pipeInput("k", interaction("a3", Channel.CHAT, at(3), annByChat()).withIngestedAt(at(3)));
        contacts.pipeInput("k", interaction("b1", Channel.EMAIL, at(4), BOB).withIngestedAt(at(4)));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void erase(String customerId) {
        driver.createInputTopic(Topics.ERASURES.name(), Topics.ERASURES.keySerde().serializer(),
                Topics.ERASURES.valueSerde().serializer())
                .pipeInput(customerId, new ErasureRequested("er-1", customerId, REQUESTED, "admin@example.com"));
    }

    @Test
    void everyStoreForgetsTheCustomerAndTheLastStepPublishesDone() {
        // Her visitor id came first, so that customer survives; her e-mail's and phone's ids point to it.
        assertThat(TopologyTestSupport.profile(driver, annAnonymous).identifiersOf("visitor")).containsExactly("v-42");
        assertThat(TopologyTestSupport.record(driver, ann).isMerged()).isTrue();

        erase(annAnonymous);

        List<String> traces = tracesOf("ann@example.com", "+442079460958", "v-42", "Ann's own words", annAnonymous, ann,
                CustomerKeys.customerIdOf("phone:+442079460958"));
        assertThat(traces).as("entries that still name Ann").isEmpty();
        assertThat(TopologyTestSupport.record(driver, annAnonymous)).isNull();
        assertThat(TopologyTestSupport.profile(driver, bob).identifiersOf("email")).containsExactly("bob@example.com");
        assertThat(TopologyTestSupport.customerOf(driver, "email:bob@example.com")).isEqualTo(bob);

        List<ErasureProgress> published = progress.readValuesToList();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).step()).isEqualTo("profile-service");
        assertThat(published.get(0).customerId()).isEqualTo(annAnonymous);
        // The profile, the pointers of her e-mail's and phone's ids, the index entries of e-mail, phone and visitor id.
        assertThat(published.get(0).erased()).isEqualTo(6);
        KeyValueStore<String, ErasureStatus> statuses = driver.getKeyValueStore(ProfileTopology.ERASURE_STATUS_STORE);
        assertThat(statuses.get("er-1").completed()).containsKey("profile-service");
        assertThat(registry.counter("omnipulse.profile.erasures").count()).isEqualTo(1.0);
    }

    @Test
    void whatWasIngestedBeforeTheErasureStaysErasedAndALaterContactStartsAfresh() {
        erase(annAnonymous);
        var contacts = TopologyTestSupport.contactEvents(driver);

        contacts.pipeInput("k", interaction("late", Channel.EMAIL, at(5), annByEmail())
                .withIngestedAt(REQUESTED.minusSeconds(1)));
        contacts.pipeInput("k", interaction("late-call", Channel.CALL, at(5), annByCall())
                .withIngestedAt(REQUESTED.minusSeconds(1)));
        assertThat(TopologyTestSupport.profile(driver, ann)).isNull();
        assertThat(tracesOf("ann@example.com", "+442079460958")).as("identifiers back in the index").isEmpty();
        assertThat(registry.counter("omnipulse.profile.events.ignored", "reason", "erased").count()).isEqualTo(2.0);

        contacts.pipeInput("k", interaction("new", Channel.EMAIL, at(6), annByEmail())
                .withIngestedAt(REQUESTED.plusSeconds(60)));
        assertThat(TopologyTestSupport.profile(driver, ann).interactionCount()).isEqualTo(1);
        assertThat(TopologyTestSupport.profile(driver, ann).identifiersOf("visitor")).isEmpty();
    }

    @Test
    void withTheSuppressionListALaterContactCarryingAnErasedIdentifierIsDropped() {
        driver.close();
        driver = TopologyTestSupport.driver(new ProfileTopology(ProfileLimits.DEFAULTS, registry)
                .suppressingErasedIdentifiers().buildTopology());
        var contacts = TopologyTestSupport.contactEvents(driver);
        contacts.pipeInput("k", interaction("a1", Channel.EMAIL, at(1), annByEmail()).withIngestedAt(at(1)));
        erase(ann);

        contacts.pipeInput("k", interaction("new", Channel.CALL, at(6), annByCall()).withIngestedAt(REQUESTED.plusSeconds(60)));
        contacts.pipeInput("k", interaction("bob", Channel.EMAIL, at(6), BOB).withIngestedAt(REQUESTED.plusSeconds(60)));

        assertThat(TopologyTestSupport.profile(driver, ann)).isNull();
        assertThat(tracesOf("ann@example.com", "+442079460958")).isEmpty();
        assertThat(TopologyTestSupport.profile(driver, bob).interactionCount()).isEqualTo(1);
        assertThat(registry.counter("omnipulse.profile.events.ignored", "reason", "suppressed").count()).isEqualTo(1.0);
    }

    @Test
    void aRequestNamingAMergedIdErasesTheWholePerson() {
        erase(ann);

        assertThat(TopologyTestSupport.record(driver, annAnonymous)).isNull();
        assertThat(tracesOf("ann@example.com", "v-42", "Ann's own words")).isEmpty();
        assertThat(progress.readValuesToList()).extracting(ErasureProgress::step).containsExactly("profile-service");
    }

    /**
     * Every entry of every store of the topology whose key or value mentions one of {@code needles}, but for
     * the erasure's own records, which name the customer and their identifiers by keyed hashes only.
     */
    private List<String> tracesOf(String... needles) {
        List<String> found = new ArrayList<>();
        driver.getAllStateStores().forEach((name, store) -> {
            if (store instanceof KeyValueStore<?, ?> kv && !name.equals(ProfileTopology.ERASED_STORE)
                    && !name.equals(ProfileTopology.ERASURE_STATUS_STORE)
                    && !name.equals(ProfileTopology.ERASED_IDENTIFIERS_STORE)) {
                try (KeyValueIterator<?, ?> all = kv.all()) {
                    all.forEachRemaining(entry -> {
                        String text = entry.key + " = " + entry.value;
                        for (String needle : needles) {
                            if (text.contains(needle)) {
                                found.add(name + ": " + text);
                            }
                        }
                    });
                }
            }
        });
        return found;
    }
}
