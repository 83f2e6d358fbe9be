package io.omnipulse.devstack.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a test JVM started is gone when it exits: its servers are stopped, newest first, and only then
 * are its temporary directories deleted, whole. {@code File.deleteOnExit} removes only empty
 * directories, so every run used to leave its brokers' logs and its state stores behind (989
 * directories, 13 GB, in /tmp on the team's machine). One hook does both, in that order, because the JVM
 * runs its shutdown hooks all at once: a directory deleted under a broker that is still stopping
 * fails that broker's log directory.
 */
final class ExitCleanup {

    /** Set to {@code true} to keep every test directory after the run. */
    static final String KEEP_DIRECTORIES = "OMNIPULSE_KEEP_TEST_DIRS";

    private static final Deque<AutoCloseable> SERVERS = new ArrayDeque<>();
    private static final List<Path> DIRECTORIES = new ArrayList<>();
    private static boolean hooked;

    private ExitCleanup() {
    }

    /** Stops {@code server} when the JVM exits, before any directory is deleted. */
    static synchronized void stopAtExit(AutoCloseable server) {
        hook();
        SERVERS.push(server);
    }

    /**
     * Deletes {@code directory} and everything in it when the JVM exits, unless
     * {@code OMNIPULSE_KEEP_TEST_DIRS=true}: then the services' logs and the brokers' data of a run stay
     * for whoever is finding out why it failed.
     */
    static synchronized void deleteAtExit(Path directory) {
        if (keepDirectories(System.getenv(KEEP_DIRECTORIES))) {
            return;
        }
        hook();
        DIRECTORIES.add(directory);
    }

    static boolean keepDirectories(String setting) {
        return "true".equalsIgnoreCase(setting == null ? "" : setting.strip());
    }

    private static void hook() {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(ExitCleanup::run, "test-infrastructure-cleanup"));
            hooked = true;
        }
    }

    private static synchronized void run() {
        while (!SERVERS.isEmpty()) {
            AutoCloseable server = SERVERS.pop();
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("[ExitCleanup] stopping " + server + " failed: " + e);
            }
        }
        DIRECTORIES.forEach(ExitCleanup::deleteTree);
    }

    /** Best effort: what cannot be deleted (a file still open elsewhere) is left, the rest goes. */
    static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Left for the system's own temp cleaning; one stuck file must not keep the rest.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[ExitCleanup] could not delete all of " + directory + ": " + e);
        }
    }
}
