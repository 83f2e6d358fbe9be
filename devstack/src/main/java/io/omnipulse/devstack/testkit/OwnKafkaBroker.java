package io.omnipulse.devstack.testkit;

import io.omnipulse.devstack.KafkaBroker;
import io.omnipulse.devstack.TopicProvisioner;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * A broker for one test class alone ({@code @TestProfile(OwnKafkaBroker.class)}), with the catalog's
 * topics, stopped with the application: for tests that enlarge topics or count every record on a
 * topic, which must not disturb, or be disturbed by, the exact counts of the module's other tests.
 * Kafka Streams gets a state directory of its own too.
 */
public class OwnKafkaBroker implements QuarkusTestProfile, QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OwnKafkaBroker.class));
    }

    @Override
    public Map<String, String> start() {
        broker = BrokerExitGuard.start(TestInfrastructure.tempDir("own-kafka"));
        TopicProvisioner.createAll(broker.bootstrapServers());
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                "kafka-streams.state.dir", TestInfrastructure.tempDir("own-kafka-state").toString());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
