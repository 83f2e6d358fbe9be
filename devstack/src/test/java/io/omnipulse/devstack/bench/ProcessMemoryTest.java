package io.omnipulse.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void thePssLineOfSmapsRollupIsReadInBytes() {
        String rollup = """
                55d4c9a5e000-7ffd5b3f1000 ---p 00000000 00:00 0                          [rollup]
                Rss:              546312 kB
                Pss:              525481 kB
                Pss_Anon:         480112 kB
                Shared_Clean:      21204 kB
                """;

        assertThat(ProcessMemory.pssIn(rollup)).isEqualTo(OptionalLong.of(525_481L * 1024));
        assertThat(ProcessMemory.pssIn("Rss: 12 kB\n")).isEmpty();
    }

    @Test
    void thePeakHoldsTheMemoryOfTheStacksProcesses() throws Exception {
        // A process whose command line names the launcher's main class, holding a few megabytes. It
        // waits with the read builtin on its standard input (open until the test ends): bash replaces
        // itself with the last command of a -c string, so an external command there (sleep) would take
        // its place, and with it the command line and the memory.
        Process launcher = new ProcessBuilder("bash", "-c", "x=$(head -c 8000000 /dev/zero | tr '\\0' a); read -t 60",
                "io.omnipulse.devstack.StackMain").start();
        try (ProcessMemory.Peak peak = new ProcessMemory.Peak(Duration.ofMillis(100))) {
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                    assertThat(peak.peak().getOrDefault(ProcessCpu.LAUNCHER, 0L)).isGreaterThan(8_000_000L));
            assertThat(ProcessMemory.total(peak.peak())).isGreaterThanOrEqualTo(peak.peak().get(ProcessCpu.LAUNCHER));
        } finally {
            launcher.destroyForcibly().waitFor();
        }
    }
}
