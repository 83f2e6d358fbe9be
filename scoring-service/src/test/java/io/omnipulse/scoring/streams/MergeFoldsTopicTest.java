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

    @Test
    void theMergeFoldsTopicIsNamedAfterTheApplicationId() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MergeFoldsTopicTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String applicationId = properties.getProperty("quarkus.kafka-streams.application-id");

        assertThat(applicationId).startsWith("omnipulse-scoring-v");
        assertThat(ScoringTopology.FOLDS).isEqualTo(applicationId + "-merge-folds");
        assertThat(properties.getProperty("quarkus.kafka-streams.topics")).contains(ScoringTopology.FOLDS);
    }
}
