package io.omnipulse.devstack;

import java.util.logging.Level;
import java.util.logging.Logger;

/** For the command-line tools: Kafka clients log their whole configuration at INFO, which buries the output. */
public final class QuietKafkaLogs {

    // Held strongly: java.util.logging forgets a logger's level once nothing references the logger.
    private static final Logger KAFKA = Logger.getLogger("org.apache.kafka");

    private QuietKafkaLogs() {
    }

    public static void apply() {
        KAFKA.setLevel(Level.WARNING);
    }
}
