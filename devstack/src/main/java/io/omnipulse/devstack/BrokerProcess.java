package io.omnipulse.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The devstack's KRaft broker as a separate JVM ({@link BrokerMain}): it can be killed with SIGKILL
 * and restarted on the same log directory and the same ports, as the fault suite needs. Its output
 * goes to {@code broker.log} in the data directory (appended across restarts).
 */
public final class BrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path log;
    private Process process;

    private BrokerProcess(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.log = dataDir.resolve("broker.log");
    }

    /** Starts a broker on {@code port} (0 = any free port) and returns once it serves clients. */
    public static BrokerProcess start(Path dataDir, int port) {
        BrokerProcess broker = new BrokerProcess(dataDir.toAbsolutePath(), port == 0 ? Ports.free() : port, Ports.free());
        broker.launch();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crash: no shutdown, no flush beyond what the broker had written. Returns once it is gone. */
    public synchronized void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGSTOP: the broker freezes (connections stay open, no request is answered) until {@link #resume()}. */
    public void pause() {
        ProcessSignals.send(process.pid(), "STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        ProcessSignals.send(process.pid(), "CONT");
    }

    /** Starts the broker again on the same log directory and ports (after {@link #kill} or {@link #stop}). */
    public synchronized void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("broker still running (pid " + process.pid() + ")");
        }
        launch();
    }

    /** SIGTERM, a clean shutdown; SIGKILL if it is not gone after {@code grace}. */
    public synchronized void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return "kafka";
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(JvmMemory.java()));
        command.addAll(JvmMemory.smallFootprint());
        command.addAll(List.of("-Xmx512m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", System.getProperty("java.class.path"), BrokerMain.class.getName(),
                dataDir.toString(), Integer.toString(port), Integer.toString(controllerPort)));
        try {
            Files.createDirectories(dataDir);
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            process = new ProcessBuilder(Detached.command(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            awaitReady(logStart);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker", e);
        }
    }

    private void awaitReady(long logStart) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!logSince(logStart).contains(BrokerMain.READY)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("broker did not start; " + log + " ends with:\n" + tail(logSince(logStart)));
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("interrupted while the broker started", e);
            }
        }
    }

    private String logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("broker pid " + process.pid() + " did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
