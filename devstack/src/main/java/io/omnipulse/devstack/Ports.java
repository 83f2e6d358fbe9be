package io.omnipulse.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free local ports, for servers that must be told their port before they start.
 *
 * <p>Ports are picked below the kernel's ephemeral range on purpose. A port handed out by
 * {@code new ServerSocket(0)} comes from that range, which is also where every outgoing connection
 * (Kafka clients, JDBC, HTTP) takes its local port; between "found free" and "server binds", a
 * client connection can take it, and the service fails to start. That happened in CI.
 *
 * <p>A port handed out is also reserved until this JVM exits, with a lock on a file named after it:
 * "nobody listens now" alone let two callers get the same port before the first one bound it (a
 * test's HTTP port and its own broker's, in one JVM; or two test JVMs under {@code -T 2}). The
 * operating system drops the locks when the JVM ends, however it ends.
 */
public final class Ports {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Per user: another user's directory could not be written to. */
    private static final Path RESERVATIONS = Path.of(System.getProperty("java.io.tmpdir"),
            "omnipulse-ports-" + System.getProperty("user.name"));
    private static final int LOWEST = 20_000;
    /** Linux's default ephemeral range starts here; used when the real range cannot be read. */
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final int ATTEMPTS = 200;
    /**
     * Held, never released, under the class's lock: the reservations of this JVM (a channel nobody
     * refers to is closed when collected, and its lock goes with it).
     */
    private static final List<FileLock> HELD = new ArrayList<>();

    private Ports() {
    }

    /** One port nobody listens on now nor was handed out before, outside the range outgoing connections draw from. */
    public static int free() {
        return freeBlock(1);
    }

    /** The first of {@code count} consecutive free ports, outside the ephemeral range, each reserved as {@link #free()}. */
    public static synchronized int freeBlock(int count) {
        int highest = ephemeralStart() - count;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(LOWEST, highest);
            if (reserveAll(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("no block of " + count + " free ports between " + LOWEST + " and " + highest);
    }

    /** Reserves every port of the block, or none. */
    private static boolean reserveAll(int first, int count) {
        List<FileLock> block = new ArrayList<>(count);
        for (int port = first; port < first + count; port++) {
            FileLock lock = isFree(port) ? reserve(port) : null;
            if (lock == null) {
                block.forEach(Ports::release);
                return false;
            }
            block.add(lock);
        }
        HELD.addAll(block);
        return true;
    }

    /** Reserves {@code port} for this JVM if it is free and nobody reserved it; whether it did. */
    static synchronized boolean tryReserve(int port) {
        return reserveAll(port, 1);
    }

    /** The lock on {@code port}'s file, or null when this or another JVM holds it. */
    private static FileLock reserve(int port) {
        FileChannel channel = null;
        try {
            Files.createDirectories(RESERVATIONS);
            channel = FileChannel.open(RESERVATIONS.resolve(port + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            return null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot reserve port " + port + " under " + RESERVATIONS, e);
        }
    }

    private static void release(FileLock lock) {
        closeQuietly(lock.channel());
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing drops the lock; if even that fails, the port stays reserved until exit.
            }
        }
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
