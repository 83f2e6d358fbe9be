package io.omnipulse.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void eachProcessOfTheStackIsToldApartByItsCommandLine() {
        assertThat(ProcessCpu.nameOf("/usr/lib/postgresql/17/bin/postgres", "/usr/lib/postgresql/17/bin/postgres -D x"))
                .contains(ProcessCpu.POSTGRES);
        assertThat(ProcessCpu.nameOf("/usr/bin/java",
                "/usr/bin/java -XX:+UseSerialGC -cp devstack/target/devstack.jar io.omnipulse.devstack.StackMain"))
                .contains(ProcessCpu.LAUNCHER);
        assertThat(ProcessCpu.nameOf("/usr/bin/java", "/usr/bin/java -Xmx384m -Dquarkus.http.port=8086 "
                + "-Dkafka.bootstrap.servers=localhost:9092 -jar /work/profile-service/target/quarkus-app/quarkus-run.jar"))
                .contains("profile-service :8086");
        assertThat(ProcessCpu.nameOf("/usr/bin/java", "/usr/bin/java -jar /work/other/target/quarkus-app/quarkus-run.jar"))
                .isEqualTo(Optional.empty());
    }

    @Test
    void aSnapshotCountsTheCpuAProcessOfTheStackHasUsed() throws Exception {
        // A busy process whose command line names the launcher's main class.
        Process busy = new ProcessBuilder("bash", "-c", "while :; do :; done", "io.omnipulse.devstack.StackMain").start();
        try {
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> busy.toHandle().info().totalCpuDuration().orElse(Duration.ZERO).toMillis() >= 200);
            Duration used = busy.toHandle().info().totalCpuDuration().orElseThrow();

            Map<String, Duration> snapshot = ProcessCpu.snapshot();

            assertThat(snapshot.get(ProcessCpu.LAUNCHER)).isGreaterThanOrEqualTo(used);
        } finally {
            busy.destroyForcibly().waitFor();
        }
    }
}
