package io.omnipulse.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.devstack.deadletters.ReplayLedger;
import io.omnipulse.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/topics.sh creates production topics by hand; it must create exactly the catalog, the
 * internal topics and the replay ledger, each with its partitions and configuration. The script is
 * run for real, with kafka-topics.sh and kafka-configs.sh replaced by a command that writes down
 * its arguments, so what is checked is what the script would ask of a cluster.
 */
class TopicCatalogScriptTest {

    @TempDir
    Path dir;

    /** What one topic must look like in production, whatever the replication settings. */
    private record Spec(int partitions, Map<String, String> config) {
    }

    @Test
    void deployScriptCreatesEveryCatalogTopicWithItsPartitionsAndConfiguration() throws Exception {
        Map<String, Spec> catalog = new TreeMap<>();
        Topics.ALL.forEach(t -> catalog.put(t.name(), new Spec(t.partitions(), t.config())));
        Topics.INTERNAL.forEach(t -> catalog.put(t.name(), new Spec(t.partitions(), Map.of())));
        catalog.put(ReplayLedger.TOPIC, new Spec(ReplayLedger.PARTITIONS, ReplayLedger.CONFIG));

        List<List<String>> calls = runScript(Map.of("REPLICATION_FACTOR", "1", "MIN_INSYNC_REPLICAS", "1"));

        Map<String, Spec> created = new TreeMap<>();
        for (List<String> call : calls.stream().filter(c -> c.get(0).equals("topics")).toList()) {
            Map<String, String> config = new HashMap<>(configs(call));
            assertThat(config.remove("min.insync.replicas")).as(call.toString()).isEqualTo("1");
            assertThat(option(call, "--replication-factor")).isEqualTo("1");
            created.put(option(call, "--topic"), new Spec(Integer.parseInt(option(call, "--partitions")), config));
        }
        assertThat(created).isEqualTo(catalog);

        // Existing topics get the same configuration, so a cluster made by an older script converges.
        Map<String, Map<String, String>> altered = new TreeMap<>();
        for (List<String> call : calls.stream().filter(c -> c.get(0).equals("configs")).toList()) {
            Map<String, String> config = new HashMap<>();
            for (String kv : option(call, "--add-config").split(",")) {
                config.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
            assertThat(config.remove("min.insync.replicas")).isEqualTo("1");
            altered.put(option(call, "--entity-name"), config);
        }
        Map<String, Map<String, String>> expected = new TreeMap<>();
        catalog.forEach((name, spec) -> expected.put(name, spec.config()));
        assertThat(altered).isEqualTo(expected);
    }

    @Test
    void productionDefaultsAreThreeReplicasWithTwoInSync() throws Exception {
        List<List<String>> calls = runScript(Map.of());

        List<List<String>> creates = calls.stream().filter(c -> c.get(0).equals("topics")).toList();
        assertThat(creates).isNotEmpty().allSatisfy(call -> {
            assertThat(option(call, "--replication-factor")).isEqualTo("3");
            assertThat(configs(call)).containsEntry("min.insync.replicas", "2");
        });
    }

    /** Runs deploy/topics.sh with the Kafka tools replaced by a recorder; returns one argument list per call. */
    private List<List<String>> runScript(Map<String, String> env) throws IOException, InterruptedException {
        Path log = dir.resolve("calls.log");
        Files.deleteIfExists(log);
        Path topics = recorder("topics", log);
        Path configs = recorder("configs", log);
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("..", "deploy", "topics.sh").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        pb.environment().putAll(env);
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", "broker:9092");
        pb.environment().put("KAFKA_TOPICS", topics.toString());
        pb.environment().put("KAFKA_CONFIGS", configs.toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("out.log"))).isZero();
        // One line per call, arguments separated by a unit separator (none of them contains one).
        return Files.readAllLines(log).stream().map(line -> Arrays.asList(line.split("\u001f"))).toList();
    }

    private Path recorder(String tool, Path log) throws IOException {
        Path script = dir.resolve(tool + ".sh");
        Files.writeString(script, "#!/usr/bin/env bash\n(IFS=$'\\x1f'; echo \"" + tool + "$IFS$*\") >> '" + log + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static String option(List<String> call, String name) {
        int i = call.indexOf(name);
        assertThat(i).as(name + " in " + call).isPositive();
        return call.get(i + 1);
    }

    private static Map<String, String> configs(List<String> call) {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < call.size() - 1; i++) {
            if (call.get(i).equals("--config")) {
                String kv = call.get(i + 1);
                assertThat(config.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1)))
                        .as("duplicate " + kv).isNull();
            }
        }
        return config;
    }
}
