package io.omnipulse.scoring.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.events.Metric;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/** Business counters on /q/metrics: what was counted, what was dropped as a re-send, what was invalid. */
@Singleton
public class ScoringMetrics {

    private final Map<Metric, Counter> counted = new EnumMap<>(Metric.class);
    private final Counter duplicates;
    private final Counter rejected;
    private final Counter late;
    private final Counter attributed;
    private final Counter reattributed;
    private final Counter mergesFolded;
    private final Counter mergedIdsFollowed;
    private final Counter stalePointers;
    private final Counter erasuresApplied;
    private final Counter erasedDropped;
    private final MeterRegistry registry;

    public ScoringMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Metric metric : Metric.values()) {
            counted.put(metric, Counter.builder("omnipulse.scoring.responses.counted")
                    .description("Survey responses counted into the scores (once per event)")
                    .tag("metric", metric.wire())
                    .register(registry));
        }
        duplicates = Counter.builder("omnipulse.scoring.duplicates.dropped")
                .description("Re-sent events (same source and eventId) dropped before counting")
                .register(registry);
        late = Counter.builder("omnipulse.scoring.responses.late")
                .description("Responses later than the grace period: counted all-time only, in no trailing window")
                .register(registry);
        attributed = Counter.builder("omnipulse.scoring.responses.attributed")
                .description("Responses counted for the channel, team and agent of the interaction they rate")
                .register(registry);
        reattributed = Counter.builder("omnipulse.scoring.responses.reattributed")
                .description("Responses moved to another channel, team or agent because the interaction they rate arrived after them")
                .register(registry);
        rejected = Counter.builder("omnipulse.scoring.responses.rejected")
                .description("Answers whose score lies off their scale; not counted")
                .register(registry);
        mergesFolded = Counter.builder("omnipulse.scoring.merges.folded")
                .description("Customer merges whose customer-scope state was folded into the survivor (replays not counted)")
                .register(registry);
        mergedIdsFollowed = Counter.builder("omnipulse.scoring.merges.followed")
                .description("Events and folds that arrived for a merged customer id and were sent on to its survivor")
                .register(registry);
        stalePointers = Counter.builder("omnipulse.scoring.merges.stale")
                .description("Merged-id pointers dropped because the id lives again (a newer merge made it a survivor, "
                        + "or profile-service said so); merges older than the pointer ignored are not counted")
                .register(registry);
        erasuresApplied = Counter.builder("omnipulse.scoring.erasures.applied")
                .description("Erasure requests applied: the customer's state deleted on its partition, its scope key "
                        + "forgotten, its output keys tombstoned (replayed requests not counted)")
                .register(registry);
        erasedDropped = Counter.builder("omnipulse.scoring.erasures.dropped")
                .description("Events of an erased customer ingested before its erasure (in-flight or re-sent copies, "
                        + "replays) and merged customers' state from before it, dropped instead of counted")
                .register(registry);
    }

    /** A record went round an internal loop topic too often and was refused (shared name with profile-service). */
    void loopGuardTripped(String topic) {
        loopGuard(topic).increment();
    }

    /** The loop guard's counter of {@code topic}, registered (at zero) when the topology is built. */
    Counter loopGuard(String topic) {
        return Counter.builder("omnipulse.loop.guard.tripped")
                .description("Records refused because they circulated through an internal loop topic more often than "
                        + "any legitimate path (sent to the dead-letter topic)")
                .tag("topic", topic).register(registry);
    }

    void stalePointerDropped() {
        stalePointers.increment();
    }

    void responseCounted(Metric metric) {
        counted.get(metric).increment();
    }

    void duplicateDropped() {
        duplicates.increment();
    }

    void lateResponse() {
        late.increment();
    }

    void responseAttributed() {
        attributed.increment();
    }

    void responseReattributed() {
        reattributed.increment();
    }

    void mergeFolded() {
        mergesFolded.increment();
    }

    void mergedIdFollowed() {
        mergedIdsFollowed.increment();
    }

    void erasureApplied() {
        erasuresApplied.increment();
    }

    void erasedDropped() {
        erasedDropped.increment();
    }

    void answerRejected() {
        rejected.increment();
    }
}
