package io.omnipulse.devstack.testkit;

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
    }
}
