package io.omnipulse.profile.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Business counters of the topology. Counted when a processor runs: after a crash under
 * exactly-once the stores are rolled back but counters are not, so they can run slightly ahead.
 */
final class ProfileMetrics {

    final Counter folded;
    final Counter duplicates;
    final Counter unusable;
    final Counter junkOnly;
    final Counter merges;
    final Counter crmConflicts;
    final Counter junkIdentifiers;
    final Counter sharedIdentifiers;
    final Counter cappedIdentifiers;
    final Counter resolved;
    final Counter replays;
    final Counter splits;
    final Counter revived;
    final Counter stalePointers;
    final Counter erasures;
    final Counter erasedEvents;
    final Counter suppressedEvents;
    /** Claims and folds handed to the processor in the same task instead of a round trip through the loop. */
    final Counter claimsInTask;
    final Counter foldsInTask;
    private final MeterRegistry registry;

    ProfileMetrics(MeterRegistry registry) {
        folded = registry.counter("omnipulse.profile.events.folded");
        duplicates = registry.counter("omnipulse.profile.events.ignored", "reason", "duplicate");
        unusable = registry.counter("omnipulse.profile.events.ignored", "reason", "unusable");
        junkOnly = registry.counter("omnipulse.profile.events.ignored", "reason", "junk-only");
        resolved = registry.counter("omnipulse.profile.events.resolved");
        replays = registry.counter("omnipulse.profile.events.ignored", "reason", "replay");
        merges = registry.counter("omnipulse.profile.customers.merged");
        splits = registry.counter("omnipulse.profile.customers.split");
        revived = registry.counter("omnipulse.profile.customers.revived");
        stalePointers = registry.counter("omnipulse.profile.merges.stale");
        erasures = registry.counter("omnipulse.profile.erasures");
        erasedEvents = registry.counter("omnipulse.profile.events.ignored", "reason", "erased");
        suppressedEvents = registry.counter("omnipulse.profile.events.ignored", "reason", "suppressed");
        claimsInTask = registry.counter("omnipulse.profile.loop.shortcuts", "kind", "claim");
        foldsInTask = registry.counter("omnipulse.profile.loop.shortcuts", "kind", "fold");
        this.registry = registry;
        crmConflicts = registry.counter("omnipulse.profile.identity.guarded", "kind", "crm-conflict");
        junkIdentifiers = registry.counter("omnipulse.profile.identity.guarded", "kind", "junk-identifier");
        sharedIdentifiers = registry.counter("omnipulse.profile.identity.guarded", "kind", "shared-identifier");
        cappedIdentifiers = registry.counter("omnipulse.profile.identity.guarded", "kind", "identifier-cap");
    }

    /** A record went round the loop topic too often (the same name as scoring-service's). */
    void loopGuardTripped(String topic, int count) {
        registry.counter("omnipulse.loop.guard.tripped", "topic", topic).increment(count);
    }
}
