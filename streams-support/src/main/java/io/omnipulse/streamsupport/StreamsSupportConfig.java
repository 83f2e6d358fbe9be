package io.omnipulse.streamsupport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings shared by the Kafka Streams services ({@code omnipulse.streams.*}). */
@ConfigMapping(prefix = "omnipulse.streams")
public interface StreamsSupportConfig {

    /**
     * Largest output record (key, value and headers) a service writes; a larger one is dead-lettered.
     * Must stay below every output topic's max.message.bytes (broker default 1048588) and the producer's
     * max.request.size (default 1048576): a record refused there aborts the exactly-once transaction.
     */
    @WithDefault("1000000")
    int maxRecordBytes();

    /**
     * How long SIGTERM waits for Kafka Streams to commit, close its tasks and leave the group; the process
     * then stops whatever its state, within the 30 s a supervisor gives before SIGKILL.
     */
    @WithDefault("20s")
    Duration closeTimeout();

    /**
     * How long the whole shutdown may take, from SIGTERM: past it the process halts, whatever still waits.
     * Kafka Streams' own close of its clients is not bounded by {@link #closeTimeout()}: with a broker
     * that holds connections open without answering, each consumer's close waits up to 30 s, and the
     * extension waits for them. Halting loses nothing under exactly-once: the broker aborts the open
     * transaction and the state is restored from the changelogs, as after SIGKILL.
     */
    @WithDefault("25s")
    Duration stopTimeout();
}
