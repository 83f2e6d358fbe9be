package io.omnipulse.devstack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Test;

class BrokerExitGuardTest {

    @Test
    void aBrokerInTheTestJvmCannotHaltOrExitIt() {
        BrokerExitGuard.install();

        // Were either to go through, this fork would end here and surefire would report a crash.
        assertThatThrownBy(() -> Exit.halt(1, "fatal fault in the metadata loader"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("halt the JVM with status 1: fatal fault in the metadata loader");
        assertThatThrownBy(() -> Exit.exit(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exit the JVM with status 1");
        // Kept, for a test waiting on that broker to report instead of timing out.
        assertThat(BrokerExitGuard.refusals()).last().asString().contains("exit the JVM with status 1");
        assertThat(BrokerExitGuard.refusals()).anyMatch(refusal -> refusal.contains("fatal fault in the metadata loader"));
    }
}
