package io.omnipulse.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) running as a child
 * process, configured only through system properties, with its output in a log file.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path runnerJar;
    private final int port;
    private final Map<String, String> config;
    private final Path logFile;
    private final Process process;
    private volatile boolean stopSignalled;

    private ServiceProcess(String name, Path runnerJar, int port, Map<String, String> config, Path logFile,
            Process process) {
        this.name = name;
        this.runnerJar = runnerJar;
        this.port = port;
        this.config = Map.copyOf(config);
        this.logFile = logFile;
        this.process = process;
    }

    public static ServiceProcess start(String name, Path runnerJar, int port, Map<String, String> config, Path logDir) {
        return start(name, runnerJar, port, config, logDir, false);
    }

    private static ServiceProcess start(String name, Path runnerJar, int port, Map<String, String> config, Path logDir,
            boolean appendLog) {
        if (!Files.isRegularFile(runnerJar)) {
            throw new IllegalStateException(runnerJar + " is missing: build first with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>();
        command.add(JvmMemory.java());
        command.addAll(JvmMemory.smallFootprint());
        command.add("-Xmx384m");
        command.addAll(JvmMemory.overrides());
        command.add("-Dquarkus.http.port=" + port);
        Map<String, String> environment = new LinkedHashMap<>(JvmMemory.NATIVE_ENVIRONMENT);
        // Secrets through the environment: a command line is readable by every user of the machine (ps).
        config.forEach((key, value) -> {
            if (isSecret(key)) {
                environment.put(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value);
            } else {
                command.add("-D" + key + "=" + value);
            }
        });
        command.add("-jar");
        command.add(runnerJar.toAbsolutePath().toString());
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(Detached.command(command));
            builder.environment().putAll(environment);
            Process p = builder
                    .redirectErrorStream(true)
                    .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
                            : ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            return new ServiceProcess(name, runnerJar, port, config, log, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Passwords and keys: settings that must not show in the process list. */
    static boolean isSecret(String key) {
        return key.endsWith("password") || key.endsWith("-key") || key.endsWith("-token");
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** True once {@code /q/health/ready} answers 200, i.e. Kafka, streams and database checks are UP. */
    public boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of the log, to explain a service that died or never became ready. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The service's own pid (setsid execs in place). */
    public long pid() {
        return process.pid();
    }

    /**
     * SIGTERM first so Quarkus shuts down gracefully (streams commit, consumers leave); a service that
     * is not gone after {@code grace} (hung in shutdown, stopped) gets SIGKILL, so the launcher never
     * exits before its children. Returns whether it stopped by itself.
     */
    public boolean stop(Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        signalStop();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return false;
    }

    /**
     * SIGTERM without waiting, once: the instances of one service are all told first and then waited
     * for, so that none of them takes over the others' tasks only to be stopped in turn.
     */
    public void signalStop() {
        if (!stopSignalled && process.isAlive()) {
            stopSignalled = true;
            process.destroy();
        }
    }

    /** SIGKILL, as a crash: no shutdown hook, no commit, no leaving the group. Returns once it is gone. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
    }

    /** SIGSTOP: the process freezes (no heartbeat, no HTTP answer) until {@link #resume()}. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        ProcessSignals.send(process.pid(), signal);
    }

    /**
     * The same service started again with the same jar, port, configuration (so the same state
     * directory) and log file, appended to; this one must have exited first.
     */
    public ServiceProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " still running (pid " + process.pid() + ")");
        }
        return start(name, runnerJar, port, config, logFile.getParent(), true);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return name;
    }
}
