package io.omnipulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.devstack.Ports;
import io.omnipulse.devstack.StackMain;
import io.omnipulse.devstack.testkit.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./omnipulse}'s launcher as a real process, on random ports, with the broker, PostgreSQL and
 * two services (ingest and alerting: a Kafka producer and a Kafka-and-database consumer; the two
 * streams services would only make the test slower). Stopped with SIGTERM it stops everything in
 * order, killing a service that does not stop; killed with SIGKILL it leaves nothing behind either.
 */
class LauncherShutdownIT {

    private static final Path REPO_ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Path home = TestInfrastructure.tempDir("omnipulse-launcher");
    private final Path output = TestInfrastructure.tempDir("omnipulse-launcher-out").resolve("launcher.out");
    private final int kafkaPort = Ports.free();
    private final int postgresPort = Ports.free();
    private final int firstServicePort = Ports.freeBlock(4);
    private Process launcher;
    /** Everything the launcher started, so that a failing test still leaves nothing running. */
    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        if (launcher != null) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        started.forEach(ProcessHandle::destroyForcibly);
        postmaster().ifPresent(ProcessHandle::destroyForcibly);
    }

    /** The PostgreSQL the launcher started, if it is still running: pg_ctl made it nobody's child. */
    private Optional<ProcessHandle> postmaster() {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(home.resolve("postgres/postmaster.pid")).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Test
    void sigtermStopsServicesInOrderKillsOneThatHangsThenBrokerThenPostgres() throws Exception {
        launch();
        List<ProcessHandle> children = children();
        ProcessHandle alerting = service("alerting-service");
        // A stopped process cannot act on SIGTERM: it stands for a service hung in its shutdown.
        run("kill", "-STOP", Long.toString(alerting.pid()));

        launcher.destroy();

        assertThat(launcher.waitFor(3, TimeUnit.MINUTES)).as("launcher exits").isTrue();
        assertThat(Files.readString(output)).containsSubsequence("killed alerting-service: not stopped after 5 s",
                "stopped ingest-service", "stopped kafka", "stopped postgresql");
        assertNothingLeft(children);
    }

    @Test
    void sigkillOfTheLauncherLeavesNoServiceBrokerOrPostgresBehind() throws Exception {
        launch("--broker-process");
        List<ProcessHandle> children = children();
        assertThat(children).anyMatch(p -> commandLine(p).contains("BrokerMain"));

        launcher.destroyForcibly();

        assertThat(launcher.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertNothingLeft(children);
    }

    private void launch(String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", System.getProperty("java.class.path"), StackMain.class.getName(),
                "--home", home.toString(), "--kafka-port", Integer.toString(kafkaPort),
                "--postgres-port", Integer.toString(postgresPort), "--service-port", Integer.toString(firstServicePort),
                "--services", "ingest-service,alerting-service", "--stop-timeout", "5"));
        command.addAll(List.of(extra));
        launcher = new ProcessBuilder(command).directory(REPO_ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(launcher.isAlive()).as("launcher alive; output:\n%s", Files.readString(output)).isTrue();
            return Files.readString(output).contains("OmniPulse is up");
        });
    }

    /** Every process the launcher started: its descendants, and the postmaster (pg_ctl daemonised it) with its backends. */
    private List<ProcessHandle> children() throws IOException {
        ProcessHandle pm = postmaster().orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(launcher.descendants().toList());
        all.add(pm);
        all.addAll(pm.descendants().toList());
        assertThat(all).anyMatch(p -> commandLine(p).contains("ingest-service"))
                .anyMatch(p -> commandLine(p).contains("alerting-service"))
                .anyMatch(p -> commandLine(p).contains("trap '' INT HUP"));
        started.addAll(all);
        return all;
    }

    private ProcessHandle service(String name) {
        return launcher.descendants().filter(p -> commandLine(p).contains(name + "/target/quarkus-app"))
                .findFirst().orElseThrow();
    }

    /** ProcessHandle.isAlive also checks the start time, so a reused pid does not count as alive. */
    private void assertNothingLeft(List<ProcessHandle> children) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(children.stream().filter(ProcessHandle::isAlive).map(LauncherShutdownIT::commandLine))
                    .as("processes left").isEmpty();
            assertThat(Stream.of(kafkaPort, postgresPort, firstServicePort, firstServicePort + 3)
                    .filter(port -> !Ports.isFree(port))).as("ports still taken").isEmpty();
        });
    }

    /** From /proc: ProcessHandle.Info gives no command line when it is as long as a class path. */
    private static String commandLine(ProcessHandle p) {
        try {
            return p.pid() + " " + Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return p.pid() + " (gone)";
        }
    }

    private static void run(String... command) throws Exception {
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }
}
