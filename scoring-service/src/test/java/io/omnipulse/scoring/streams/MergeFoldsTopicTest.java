package io.omnipulse.scoring.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A new application id rebuilds scoring's state from the input, merges included, and so sends every
 * merge fold again: it must read a folds topic of its own, not the one the previous id filled.
 */
class MergeFoldsTopicTest {

    private final Properties properties = new Properties();

    MergeFoldsTopicTest() throws IOException {
        try (InputStream in = MergeFoldsTopicTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
    }

    @Test
    void theMergeFoldsTopicIsNamedAfterTheApplicationId() {
        assertThat(ScoringTopology.foldsTopicOf("omnipulse-scoring-v9")).isEqualTo("omnipulse-scoring-v9-merge-folds");
        // Streams starts only once the folds topic of whatever id it runs under exists.
        assertThat(properties.getProperty("quarkus.kafka-streams.topics"))
                .contains("${quarkus.kafka-streams.application-id}" + ScoringTopology.FOLDS_TOPIC_SUFFIX);
    }

    @Test
    void theCatalogProvisionsTheFoldsTopicOfTheDefaultApplicationId() {
        String applicationId = properties.getProperty("quarkus.kafka-streams.application-id");

        assertThat(applicationId).startsWith("omnipulse-scoring-v");
        // deploy/topics.sh and the devstack provision the catalog's name; the service never creates it.
        assertThat(ScoringTopology.FOLDS).isEqualTo(ScoringTopology.foldsTopicOf(applicationId));
    }
}
