package io.omnipulse.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
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
    void severalInstancesOfTheStreamsServicesTakeThePortsAfterTheConsolesTwoByTwo() {
        StackOptions o = StackOptions.parse(root, "--instances", "3");

        assertThat(o.instances()).isEqualTo(3);
        assertThat(StackOptions.parse(root).instances()).isOne();
        assertThat(Stack.SERVICES).extracting(s -> Stack.portOf(s, 1, o)).containsExactly(8081, 8082, 8083, 8084, 8085);
        assertThat(Stack.portOf("profile-service", 2, o)).isEqualTo(8086);
        assertThat(Stack.portOf("scoring-service", 2, o)).isEqualTo(8087);
        assertThat(Stack.portOf("profile-service", 3, o)).isEqualTo(8088);
        assertThat(Stack.portOf("scoring-service", 3, o)).isEqualTo(8089);
        assertThatThrownBy(() -> Stack.portOf("ingest-service", 2, o)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stack.portOf("scoring-service", 4, o)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topicsGetTwoPartitionsOrOnePerInstanceUnlessToldAndNeverFewerThanTheInstances() {
        assertThat(StackOptions.parse(root).partitions()).isEqualTo(2);
        assertThat(StackOptions.parse(root, "--instances", "3").partitions()).isEqualTo(3);
        assertThat(StackOptions.parse(root, "--partitions", "6", "--instances", "3").partitions()).isEqualTo(6);
        assertThat(StackOptions.parse(root, "--instances", "2", "--partitions", "6").partitions()).isEqualTo(6);
        assertThat(StackOptions.parse(root, "--partitions", "1").partitions()).isOne();

        assertThatThrownBy(() -> StackOptions.parse(root, "--instances", "3", "--partitions", "2"))
                .hasMessageContaining("partitions must be 3").hasMessageContaining("usage:");
        assertThatThrownBy(() -> StackOptions.parse(root, "--partitions", "0")).hasMessageContaining("usage:");
        assertThatThrownBy(() -> StackOptions.parse(root, "--partitions", "65")).hasMessageContaining("usage:");
    }

    @Test
    void everyInstanceHasItsOwnPortInsideTheBlockTheTestsReserve() {
        for (int n = 1; n <= StackOptions.MAX_INSTANCES; n++) {
            StackOptions o = StackOptions.parse(root, "--service-port", "20000", "--instances", Integer.toString(n));
            Set<Integer> ports = new TreeSet<>();
            for (String service : Stack.SERVICES) {
                int instances = Stack.STREAMS_SERVICES.contains(service) ? n : 1;
                for (int i = 1; i <= instances; i++) {
                    ports.add(Stack.portOf(service, i, o));
                }
            }
            int block = Stack.servicePorts(n);
            assertThat(ports).as("%d instances", n).hasSize(block).allMatch(p -> p >= 20000 && p < 20000 + block);
        }
    }

    @Test
    void instancesBeyondThePartitionsOrBelowOneAreRefusedWithTheUsage() {
        for (String count : new String[] {"0", "7", "two"}) {
            assertThatThrownBy(() -> StackOptions.parse(root, "--instances", count))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage:");
        }
    }

    @Test
    void unknownOptionsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> StackOptions.parse(root, "--dmeo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option --dmeo")
                .hasMessageContaining("usage:");
    }
}
