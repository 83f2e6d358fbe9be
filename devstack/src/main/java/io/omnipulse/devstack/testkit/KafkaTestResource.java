package io.omnipulse.devstack.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the JVM's real Kafka broker and gives Kafka Streams a fresh
 * state directory (a reused one would restore stale RocksDB state against the fresh broker).
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();
        String stateDir = TestInfrastructure.tempDir("omnipulse-streams-state").toString();
        return Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "kafka-streams.state.dir", stateDir);
    }

    @Override
    public void stop() {
        // The broker lives as long as the test JVM so that later test classes reuse it.
    }
}
