package io.omnipulse.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

    private final Path root = Path.of("/repo");

    @Test
    void defaultsUseTheDocumentedPortsAndAFreshStart() {
        StackOptions o = StackOptions.parse(root);

        assertThat(o.kafkaPort()).isEqualTo(9092);
        assertThat(o.postgresPort()).isEqualTo(5432);
        assertThat(o.firstServicePort()).isEqualTo(8081);
        assertThat(o.home()).isEqualTo(root.resolve(".omnipulse"));
        assertThat(o.keepData()).isFalse();
        assertThat(o.demoRate()).isZero();
    }

    @Test
    void demoAndOverridesAreParsed() {
        StackOptions o = StackOptions.parse(root, "--demo", "--keep-data", "--kafka-port", "19092");

        assertThat(o.demoRate()).isPositive();
        assertThat(o.keepData()).isTrue();
        assertThat(o.kafkaPort()).isEqualTo(19092);
    }

    @Test
    void launcherTestsCanPickPortsServicesStopTimeoutAndABrokerProcess() {
        StackOptions o = StackOptions.parse(root, "--service-port", "20100", "--services", "ingest-service,alerting-service",
                "--stop-timeout", "5", "--broker-process");

        assertThat(o.firstServicePort()).isEqualTo(20100);
        assertThat(o.services()).containsExactly("ingest-service", "alerting-service");
        assertThat(o.stopTimeout()).hasSeconds(5);
        assertThat(o.brokerProcess()).isTrue();
        assertThat(StackOptions.parse(root).services()).isEqualTo(Stack.SERVICES);
        assertThat(StackOptions.parse(root).stopTimeout()).hasSeconds(30);
    }

    @Test
    void unknownServicesAndBadNumbersAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> StackOptions.parse(root, "--services", "ingest,alerting-service"))
                .hasMessageContaining("unknown service").hasMessageContaining("usage:");
        assertThatThrownBy(() -> StackOptions.parse(root, "--stop-timeout", "soon"))
                .hasMessageContaining("usage:");
    }

    @Test
    void unknownOptionsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> StackOptions.parse(root, "--dmeo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option --dmeo")
                .hasMessageContaining("usage:");
    }
}
