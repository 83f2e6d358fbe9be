package io.omnipulse.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void freePortsComeFromBelowTheEphemeralRangeAndCanBeBound() throws Exception {
        for (int i = 0; i < 20; i++) {
            int port = Ports.free();
            assertThat(port).isBetween(20_000, Ports.ephemeralStart() - 1);
            try (ServerSocket socket = new ServerSocket(port)) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aBlockIsConsecutiveAndEveryPortInItIsFree() {
        int first = Ports.freeBlock(4);
        assertThat(first + 3).isLessThan(Ports.ephemeralStart());
        for (int port = first; port < first + 4; port++) {
            assertThat(Ports.isFree(port)).as("port %d", port).isTrue();
        }
    }

    @Test
    void aPortInUseIsNotFree() throws Exception {
        try (ServerSocket taken = new ServerSocket(Ports.free())) {
            assertThat(Ports.isFree(taken.getLocalPort())).isFalse();
        }
    }
}
