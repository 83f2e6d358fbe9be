package io.omnipulse.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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

    /**
     * Nobody binds these ports, so "nobody listens" alone would hand some out twice: 300 random picks
     * from about 12,000 ports repeat one with a probability of about 97 %.
     */
    @Test
    void noPortIsHandedOutTwiceInOneJvm() {
        Set<Integer> handedOut = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            int first = Ports.freeBlock(i % 3 + 1);
            for (int port = first; port <= first + i % 3; port++) {
                assertThat(handedOut.add(port)).as("port %d handed out again", port).isTrue();
            }
        }
        assertThat(Ports.tryReserve(handedOut.iterator().next())).isFalse();
    }

    @Test
    void aPortReservedByAnotherJvmIsNotHandedOut() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldOnePort.class.getName()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(),
                StandardCharsets.UTF_8))) {
            int port = Integer.parseInt(out.readLine().trim());
            assertThat(Ports.isFree(port)).as("nobody listens on it").isTrue();
            assertThat(Ports.tryReserve(port)).as("reserved by the other JVM").isFalse();

            other.getOutputStream().close();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Ports.tryReserve(port)).as("free again once that JVM has ended").isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    /** The other JVM: reserves a port, prints it, and holds it until its standard input closes. */
    public static final class HoldOnePort {
        public static void main(String[] args) throws Exception {
            System.out.println(Ports.free());
            System.out.flush();
            while (System.in.read() != -1) {
                // hold the reservation
            }
        }
    }
}
