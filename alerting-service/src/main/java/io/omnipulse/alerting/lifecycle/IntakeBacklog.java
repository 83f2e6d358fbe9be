package io.omnipulse.alerting.lifecycle;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;

/**
 * Whether the incoming channels are behind their topics: a poll that came back full (as many records
 * as {@code max.poll.records} allows) means more were waiting. The follow-up workers (outbox relay,
 * context enrichment, notifications) then take one batch per run instead of draining all that is due,
 * so that a detractor storm is stored first and followed up right after: run flat out, the three took
 * three quarters of the CPU and stored alerts at a quarter of the rate the consumer reaches alone
 * (AlertThroughputBenchmark: 670 against 2,830 alerts/s). They never stop: one batch each run keeps
 * notifications flowing during a storm.
 *
 * <p>A channel counts as behind from a full poll until its next poll that is not full, or until
 * {@link #HOLD_MILLIS} passed without a poll (a consumer stuck on a failure does not hold the workers
 * back for good).
 */
@ApplicationScoped
public class IntakeBacklog {

    /** How long a full poll counts when no poll follows: longer than a batch takes to handle. */
    static final long HOLD_MILLIS = 2_000;

    private final Map<String, Long> behindUntil = new ConcurrentHashMap<>();
    private final Map<String, Integer> maxPollRecords = new ConcurrentHashMap<>();
    private final Config config;
    private final LongSupplier clock;

    @Inject
    public IntakeBacklog(Config config, MeterRegistry registry) {
        this(config, System::currentTimeMillis);
        Gauge.builder("omnipulse.alerting.intake.behind", this, IntakeBacklog::channelsBehind)
                .description("Incoming channels whose last poll was full (more records waiting); while any is, the "
                        + "outbox relay, context enrichment and notifications take one batch per run")
                .register(registry);
    }

    IntakeBacklog(Config config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A poll of {@code channel} returned {@code records} records (called once the batch was handled). */
    public void polled(String channel, int records) {
        if (records >= maxPollRecords(channel)) {
            behindUntil.put(channel, clock.getAsLong() + HOLD_MILLIS);
        } else {
            behindUntil.remove(channel);
        }
    }

    /** Whether any incoming channel is behind: follow-up work should leave it the CPU. */
    public boolean behind() {
        return channelsBehind() > 0;
    }

    /**
     * One run of a follow-up worker: {@code batch} (which returns how many items it took) again until
     * one comes back short of {@code full} (nothing more is due) or an incoming channel is behind (the
     * worker's next run takes the next batch).
     */
    public void drain(IntSupplier batch, int full) {
        while (batch.getAsInt() == full && !behind()) {
            // a full batch and the inputs keeping up: take the next one now
        }
    }

    private double channelsBehind() {
        long now = clock.getAsLong();
        return behindUntil.values().stream().filter(until -> until > now).count();
    }

    private int maxPollRecords(String channel) {
        return maxPollRecords.computeIfAbsent(channel, c -> config
                .getOptionalValue("mp.messaging.incoming." + c + ".max.poll.records", Integer.class)
                .orElse(ConsumerConfig.DEFAULT_MAX_POLL_RECORDS));
    }
}
