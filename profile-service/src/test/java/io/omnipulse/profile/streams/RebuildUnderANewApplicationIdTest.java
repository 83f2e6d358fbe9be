package io.omnipulse.profile.streams;

import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.devstack.bench.ConsumerGroups;
import io.omnipulse.devstack.testkit.TestInfrastructure;
import io.omnipulse.events.Channel;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.Topics;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.CustomerRecord;
import io.omnipulse.queries.QueryResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A new application id rebuilds profile's stores from the retained contact events, on the real broker.
 * The old id's loop topic still holds what it sent, the absorb of a merge among it: the rebuild must not
 * read it, or the absorbed customer is folded into the survivor a second time and its counts added twice.
 */
class RebuildUnderANewApplicationIdTest {

    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String OLD_ID = "omnipulse-profile-rebuild-test-" + RUN + "-old";
    private static final String NEW_ID = "omnipulse-profile-rebuild-test-" + RUN + "-new";
    private static final String EMAIL = "email:dora." + RUN + "@example.com";
    private static final String VISITOR = "visitor:v-" + RUN;

    @Test
    void theRebuiltProfileCountsEveryEventOnce() throws Exception {
        // An e-mail, then a call from a visitor nobody knows yet (a second customer), then a chat that
        // shows both are Dora: the second customer is merged into the first.
        ProfileOnTheBroker.publish(List.of(
                interaction("rb-e1-" + RUN, Channel.EMAIL, at(0), new CustomerIds(null, "dora." + RUN + "@example.com",
                        null, null, null)),
                interaction("rb-c1-" + RUN, Channel.CALL, at(10), new CustomerIds(null, null,
                        "+44 20 7946 " + (2000 + RUN.length()), null, "v-" + RUN)),
                interaction("rb-h1-" + RUN, Channel.CHAT, at(20), new CustomerIds(null, "Dora." + RUN + "@example.com",
                        null, null, "v-" + RUN))));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            resolvesDoraOnce(OLD_ID, 7111, admin);
            assertThat(committedTopics(admin, OLD_ID)).as("the merge went round the old id's loop")
                    .contains(ProfileTopology.loopTopicOf(OLD_ID));

            resolvesDoraOnce(NEW_ID, 7112, admin);
            assertThat(committedTopics(admin, NEW_ID)).as("the topics the rebuild read")
                    .contains(ProfileTopology.loopTopicOf(NEW_ID))
                    .doesNotContain(ProfileTopology.loopTopicOf(OLD_ID));
        }
    }

    /** Runs an instance under {@code applicationId} until it has read everything, and checks Dora's profile. */
    private static void resolvesDoraOnce(String applicationId, int port, Admin admin) throws Exception {
        KafkaStreams streams = ProfileOnTheBroker.start(applicationId, port);
        try {
            ProfileQueries queries = new ProfileQueries(streams, Optional.of("localhost:" + port));
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(profileOf(queries, EMAIL).interactionCount()).isEqualTo(3));
            // Everything read, loop messages included: a second absorb would have been applied by now.
            try (ConsumerGroups groups = new ConsumerGroups(admin, TestInfrastructure.kafkaBootstrapServers())) {
                groups.awaitCaughtUp(Map.of(applicationId,
                        Set.of(Topics.CONTACT_EVENTS.name(), ProfileTopology.loopTopicOf(applicationId))), Duration.ofSeconds(120));
            }

            CustomerProfile dora = profileOf(queries, EMAIL);
            assertThat(dora.interactionCount()).as(applicationId).isEqualTo(3);
            assertThat(dora.channels()).containsOnlyKeys("email", "call", "chat");
            assertThat(dora.channels().values()).allSatisfy(usage -> assertThat(usage.count()).isEqualTo(1));
            assertThat(profileOf(queries, VISITOR).customerId()).as("the caller is Dora").isEqualTo(dora.customerId());
        } finally {
            streams.close(Duration.ofSeconds(10));
        }
    }

    private static CustomerProfile profileOf(ProfileQueries queries, String typedIdentifier) {
        String customerId = found(queries.customerIdOf(typedIdentifier));
        for (int hop = 0; customerId != null && hop < 3; hop++) {
            CustomerRecord record = found(queries.profile(customerId));
            if (record == null || !record.isMerged()) {
                return record == null ? null : record.profile();
            }
            customerId = record.mergedInto();
        }
        return null;
    }

    private static <T> T found(QueryResult<T> result) {
        return result instanceof QueryResult.Found<T> found ? found.value() : null;
    }

    private static Set<String> committedTopics(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).keySet()
                .stream().map(TopicPartition::topic).collect(Collectors.toSet());
    }
}
