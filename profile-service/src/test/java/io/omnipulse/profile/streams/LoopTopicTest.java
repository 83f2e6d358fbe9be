package io.omnipulse.profile.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A new application id rebuilds profile's stores from the input and sends every loop message again:
 * it must read a loop topic of its own, not the one the previous id filled, or an absorb reaches the
 * survivor twice and adds the absorbed customer's counts twice.
 */
class LoopTopicTest {

    private final Properties properties = new Properties();

    LoopTopicTest() throws IOException {
        try (InputStream in = LoopTopicTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
    }

    @Test
    void theLoopTopicIsNamedAfterTheApplicationId() {
        assertThat(ProfileTopology.loopTopicOf("omnipulse-profile-v9")).isEqualTo("omnipulse-profile-v9-identity-loop");
        // Streams starts only once the loop topic of whatever id it runs under exists.
        assertThat(properties.getProperty("quarkus.kafka-streams.topics"))
                .contains("${quarkus.kafka-streams.application-id}" + ProfileTopology.LOOP_TOPIC_SUFFIX);
    }

    @Test
    void theCatalogProvisionsTheLoopTopicOfTheDefaultApplicationId() {
        String applicationId = properties.getProperty("quarkus.kafka-streams.application-id");

        assertThat(applicationId).startsWith("omnipulse-profile-v");
        // deploy/topics.sh and the devstack provision the catalog's name; the service never creates it.
        assertThat(Topics.PROFILE_IDENTITY_LOOP.name()).isEqualTo(ProfileTopology.loopTopicOf(applicationId));
    }
}
