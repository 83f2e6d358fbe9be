package io.omnipulse.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free local ports, for servers that must be told their port before they start.
 *
 * <p>Ports are picked below the kernel's ephemeral range on purpose. A port handed out by
 * {@code new ServerSocket(0)} comes from that range, which is also where every outgoing connection
 * (Kafka clients, JDBC, HTTP) takes its local port; between "found free" and "server binds", a
 * client connection can take it, and the service fails to start. That happened in CI.
 */
public final class Ports {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 20_000;
    /** Linux's default ephemeral range starts here; used when the real range cannot be read. */
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final int ATTEMPTS = 200;

    private Ports() {
    }

    /** One port nobody listens on now, outside the range outgoing connections draw from. */
    public static int free() {
        return freeBlock(1);
    }

    /** The first of {@code count} consecutive free ports, outside the ephemeral range. */
    public static int freeBlock(int count) {
        int highest = ephemeralStart() - count;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(LOWEST, highest);
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("no block of " + count + " free ports between " + LOWEST + " and " + highest);
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            if (!isFree(port)) {
                return false;
            }
        }
        return true;
    }

    /** Whether nothing listens on {@code port} (on any interface). */
    public static boolean isFree(int port) {
        // Bind on every interface, as the servers will: a port free only on loopback is not free.
        try (ServerSocket socket = new ServerSocket(port, 1, (InetAddress) null)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int ephemeralStart() {
        try {
            String[] range = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
            int start = Integer.parseInt(range[0]);
            return start > LOWEST + 1_000 ? start : DEFAULT_EPHEMERAL_START;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }
}
