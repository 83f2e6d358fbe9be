package io.omnipulse.devstack;

import io.omnipulse.devstack.deadletters.ReplayLedger;
import io.omnipulse.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the catalog's topics that do not exist yet. Brokers here do not auto-create topics, as in
 * production, where the same catalog is applied by deploy/topics.sh.
 */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    /** The catalog, the services' internal topics and the dead-letter replay ledger, as deploy/topics.sh creates them. */
    public static void createAll(String bootstrapServers) {
        createAll(bootstrapServers, Topics.DEFAULT_PARTITIONS);
    }

    /**
     * As {@link #createAll(String)}, with {@code partitions} partitions for every topic of the catalog and
     * the internal ones, which must all have the same count: the streams services join them by partition.
     * Topics that exist keep theirs.
     */
    public static void createAll(String bootstrapServers, int partitions) {
        create(bootstrapServers, Topics.ALL.stream()
                .map(t -> new NewTopic(t.name(), partitions, (short) 1).configs(t.config())).toList());
        create(bootstrapServers, Topics.INTERNAL.stream().map(t -> new NewTopic(t.name(), partitions, (short) 1)).toList());
        create(bootstrapServers, List.of(new NewTopic(ReplayLedger.TOPIC, ReplayLedger.PARTITIONS, (short) 1)
                .configs(ReplayLedger.CONFIG)));
        warmCoordinators(bootstrapServers);
    }

    /**
     * A fresh broker creates {@code __consumer_offsets} and {@code __transaction_state} only when the
     * first client looks for a coordinator; done here, the services' consumer groups and
     * exactly-once producers start in a second instead of several while the broker creates them.
     */
    static void warmCoordinators(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeConsumerGroups(List.of("omnipulse-devstack-warmup")).all().get(30, TimeUnit.SECONDS);
            ignoringFailure(() -> admin.describeTransactions(List.of("omnipulse-devstack-warmup")).all()
                    .get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Only a speed-up: the services find their coordinators themselves anyway.
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void ignoringFailure(Call call) {
        try {
            call.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // An unknown transactional id is the expected answer; the lookup has created the log.
        }
    }

    /** How many partitions {@code topic} has. */
    public static int partitionsOf(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return partitionsOf(admin, topic);
        }
    }

    /** How many partitions {@code topic} has, asked through a client the caller holds. */
    public static int partitionsOf(Admin admin, String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    public static void create(String bootstrapServers, List<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers, e);
        }
    }
}
