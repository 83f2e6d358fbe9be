package io.omnipulse.profile.streams;

import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Topics;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.CustomerRecord;
import io.omnipulse.queries.QueryResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the profile topology on the real broker (same application id, own state
 * directories and application.server values): one customer's events land on several partitions,
 * and either instance answers a lookup by any identifier, asking the owning instance through
 * Kafka Streams metadata just as the REST layer forwards to it.
 */
class TwoInstancesOnTheBrokerTest {

    private static final String APP_ID = "omnipulse-profile-two-instances-test";
    private static final int[] PORTS = {7101, 7102};
    private static final List<KafkaStreams> INSTANCES = new ArrayList<>();
    private static final List<ProfileQueries> QUERIES = new ArrayList<>();

    private static final String RUN = runWhoseKeysLandOnDifferentPartitions();
    private static final CustomerIds BY_EMAIL = new CustomerIds(null, "carol." + RUN + "@example.com", null, null, null);
    private static final CustomerIds BY_CALL = new CustomerIds(null, null, "+44 20 7946 " + (1000 + RUN.length()), null,
            "v-" + RUN);
    private static final CustomerIds BY_CHAT = new CustomerIds(null, "Carol." + RUN + "@example.com", null, null,
            "v-" + RUN);

    @BeforeAll
    static void startTwoInstances() {
        for (int port : PORTS) {
            KafkaStreams streams = ProfileOnTheBroker.start(APP_ID, port);
            INSTANCES.add(streams);
            QUERIES.add(new ProfileQueries(streams, Optional.of("localhost:" + port)));
        }
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(streams -> streams.close(Duration.ofSeconds(10)));
    }

    @Test
    void eitherInstanceFindsTheOneProfileByAnyIdentifier() throws Exception {
        List<ContactEvent> events = List.of(
                interaction("it-c1-" + RUN, Channel.CALL, at(10), BY_CALL),
                interaction("it-e1-" + RUN, Channel.EMAIL, at(0), BY_EMAIL),
                interaction("it-h1-" + RUN, Channel.CHAT, at(20), BY_CHAT));
        assertThat(ProfileOnTheBroker.publish(events)).as("partitions the customer's events landed on").hasSizeGreaterThan(1);
        String carol = CustomerKeys.customerIdOf("email:carol." + RUN + "@example.com");

        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().untilAsserted(() -> {
                    for (int instance = 0; instance < PORTS.length; instance++) {
                        for (String identifier : List.of("email:carol." + RUN + "@example.com",
                                "phone:+44207946" + (1000 + RUN.length()), "visitor:v-" + RUN)) {
                            CustomerProfile profile = lookup(instance, identifier);
                            assertThat(profile).as(identifier + " on instance " + instance).isNotNull();
                            assertThat(profile.customerId()).isEqualTo(carol);
                            assertThat(profile.channels()).containsOnlyKeys("email", "call", "chat");
                            assertThat(profile.interactionCount()).isEqualTo(3);
                        }
                    }
                });
        Set<Boolean> ownedHere = new HashSet<>();
        for (ProfileQueries queries : QUERIES) {
            ownedHere.add(queries.profile(carol) instanceof QueryResult.Found<CustomerRecord>);
        }
        assertThat(ownedHere).as("one instance owns the profile, the other asks it").containsExactlyInAnyOrder(true, false);
    }

    /**
     * A run id for which the e-mail-keyed and the phone-keyed events hash to different partitions
     * (Kafka's default partitioner), so the test always spreads one customer over several.
     */
    private static String runWhoseKeysLandOnDifferentPartitions() {
        for (long n = System.nanoTime(); ; n++) {
            String run = Long.toString(n, 36);
            String byEmail = CustomerKeys.customerId(new CustomerIds(null, "carol." + run + "@example.com", null, null,
                    null));
            String byPhone = CustomerKeys.customerId(new CustomerIds(null, null, "+44 20 7946 " + (1000 + run.length()),
                    null, "v-" + run));
            if (partitionOf(byEmail) != partitionOf(byPhone)) {
                return run;
            }
        }
    }

    private static int partitionOf(String key) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % Topics.CONTACT_EVENTS.partitions();
    }

    /** Asks {@code instance}; a key owned elsewhere is asked of the instance at that address. */
    private static CustomerProfile lookup(int instance, String typedIdentifier) {
        String customerId = ask(instance, queries -> queries.customerIdOf(typedIdentifier));
        for (int hop = 0; customerId != null && hop < 3; hop++) {
            String id = customerId;
            CustomerRecord record = ask(instance, queries -> queries.profile(id));
            if (record == null || !record.isMerged()) {
                return record == null ? null : record.profile();
            }
            customerId = record.mergedInto();
        }
        return null;
    }

    private static <T> T ask(int instance, Function<ProfileQueries, QueryResult<T>> query) {
        QueryResult<T> result = query.apply(QUERIES.get(instance));
        if (result instanceof QueryResult.FoundElsewhere<T> elsewhere) {
            int owner = elsewhere.port() == PORTS[0] ? 0 : 1;
            assertThat(owner).as("the owner is the other instance").isNotEqualTo(instance);
            result = query.apply(QUERIES.get(owner));
        }
        return result instanceof QueryResult.Found<T> found ? found.value() : null;
    }
}
