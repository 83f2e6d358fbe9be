package io.omnipulse.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one), running
 * inside this JVM. Replication factors are 1 so that transactions (exactly-once) work on one node.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private KafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Formats {@code dataDir} if it is new and starts a broker listening on {@code port} (0 = any free port). */
    public static KafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port == 0 ? Ports.free() : port, Ports.free());
    }

    /** As {@link #start(Path, int)} with both ports fixed, so that a restarted broker is found where it was. */
    public static KafkaBroker start(Path dataDir, int brokerPort, int controllerPort) {
        Properties props = serverProperties(dataDir, brokerPort, controllerPort);
        Path configFile = writeConfig(dataDir, props);
        boolean fresh = format(dataDir, configFile);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        server.startup();
        KafkaBroker broker = new KafkaBroker(server, brokerPort);
        if (fresh) {
            try {
                broker.createCoordinatorTopics();
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
        }
        return broker;
    }

    /**
     * Has the broker create its group and transaction coordinators' topics now, asked by one client,
     * instead of when the first services look for a coordinator: each of their lookups made while
     * {@code __consumer_offsets} was being created tried to create it again, and the broker logged a
     * TOPIC_ALREADY_EXISTS warning for each (about forty on the console at the stack's first start).
     * Only for a directory formatted just now: a restarted broker has them from its first start.
     */
    private void createCoordinatorTopics() {
        String lookup = "omnipulse-devstack-coordinator-lookup";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.listConsumerGroupOffsets(lookup).partitionsToOffsetAndMetadata().get(2, TimeUnit.MINUTES);
            try {
                admin.describeTransactions(List.of(lookup)).all().get(2, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
                    throw e;
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker's coordinators did not become available", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the broker started", e);
        }
    }

    /** The settings of a one-node cluster; also written to disk to run the broker as its own process. */
    public static Properties serverProperties(Path dataDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString());
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "6");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // A broker restarted after kill -9 cannot register until the controller has let its previous
        // incarnation's lease run out (DuplicateBrokerRegistrationException until then): 9 s by default,
        // the bulk of a restart on this one-node cluster. 4 s, with a heartbeat every second, still
        // leaves a broker three missed heartbeats before its own controller fences it.
        p.setProperty("broker.session.timeout.ms", "4000");
        p.setProperty("broker.heartbeat.interval.ms", "1000");
        p.setProperty("num.partitions", "6");
        // A transaction's first record waits until the previous transaction's markers are written on
        // every partition it touched. The broker holds such a produce request and retries for up to
        // 100 ms by default, then returns CONCURRENT_TRANSACTIONS: the client backs off (100 ms and
        // more) and every batch it had in flight behind it fails out of sequence and is sent again.
        // On a busy 2-core machine the markers often take longer than 100 ms; waiting for them here
        // (retrying every 20 ms) is cheaper for everyone.
        p.setProperty("add.partitions.to.txn.retry.backoff.max.ms", "1000");
        // As in production: topics come from the catalog (TopicProvisioner), never from a typo.
        p.setProperty("auto.create.topics.enable", "false");
        // Retention and compaction looked at every few seconds instead of every 5 minutes and 15 seconds:
        // cheap on a local broker, and a test of erasure can shorten a topic's retention and see it work.
        p.setProperty("log.retention.check.interval.ms", "3000");
        p.setProperty("log.cleaner.backoff.ms", "1000");
        // The cleaner's offset map is allocated on the heap when the broker starts: 128 MiB by default,
        // which in a test JVM (1 GiB, two brokers at times) left too little for the rest. 16 MiB maps
        // about 700,000 keys per pass; a larger dirty section is compacted in more passes.
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return p;
    }

    public static Path writeConfig(Path dataDir, Properties props) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(file)) {
                props.store(out, "OmniPulse devstack broker");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the KRaft metadata on first use; a formatted directory is left as it is. True if formatted now. */
    public static boolean format(Path dataDir, Path configFile) {
        if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            return false;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString()};
        int rc = StorageTool.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("kafka storage format failed: " + out.toString(StandardCharsets.UTF_8));
        }
        return true;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public String toString() {
        return "kafka";
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
