package io.omnipulse.streamsupport.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * Follows the Kafka Streams client's state (the extension installs the {@code StateListener} bean it finds)
 * and remembers whether it has run, which tells a first rebalance (still starting) from a later one.
 * Exported as {@code omnipulse_streams_running} (1 while RUNNING or in a rebalance after having run).
 */
@Singleton
public class StreamsStateTracker implements KafkaStreams.StateListener {

    private volatile State state = State.CREATED;
    private volatile boolean hasRun;

    public StreamsStateTracker(MeterRegistry registry) {
        Gauge.builder("omnipulse.streams.running", this, tracker -> tracker.ready() ? 1 : 0)
                .description("1 while the Kafka Streams client processes (RUNNING, or REBALANCING after having run)")
                .register(registry);
    }

    @Override
    public void onChange(State newState, State oldState) {
        if (newState == State.RUNNING) {
            hasRun = true;
        }
        state = newState;
    }

    public State state() {
        return state;
    }

    /**
     * RUNNING, or REBALANCING after having been RUNNING. A rebalance is normal while instances are added or
     * removed: tasks keep being processed by the cooperative protocol, and queries for a moving store are
     * answered 503 with Retry-After by the query layer, so taking every instance out of the load balancer at
     * each scale-out would only make things worse. CREATED, the first rebalance, PENDING_SHUTDOWN, ERROR,
     * PENDING_ERROR and NOT_RUNNING are not ready.
     */
    public boolean ready() {
        State current = state;
        return current == State.RUNNING || (current == State.REBALANCING && hasRun);
    }
}
