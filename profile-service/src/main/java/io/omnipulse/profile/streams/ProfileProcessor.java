package io.omnipulse.profile.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.IdentityConflict;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.CustomerRecord;
import io.omnipulse.profile.domain.ProfileFolder;
import io.omnipulse.profile.domain.ProfileLimits;
import io.omnipulse.profile.domain.ProfileMerger;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by customer id: folds resolved events into profiles and carries out merges. A merged id
 * keeps a small pointer to its survivor, so that late events and lookups by that id find it.
 */
final class ProfileProcessor implements Processor<String, LoopMessage.ToCustomer, String, Object> {

    private final ProfileFolder folder;
    private final ProfileMerger merger;
    private final ProfileLimits limits;
    private final ProfileMetrics metrics;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, CustomerRecord> records;
    private KeyValueStore<String, Long> erased;

    ProfileProcessor(ProfileFolder folder, ProfileLimits limits, ProfileMetrics metrics) {
        this.folder = folder;
        this.merger = new ProfileMerger(limits);
        this.limits = limits;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.records = context.getStateStore(ProfileTopology.PROFILE_STORE);
        this.erased = context.getStateStore(ProfileTopology.ERASED_STORE);
    }

    @Override
    public void process(Record<String, LoopMessage.ToCustomer> record) {
        LoopMessage.ToCustomer m = record.value();
        if (record.key() == null || m == null) {
            return;
        }
        if (m instanceof LoopMessage.Fold fold) {
            fold(record, fold.event());
        } else if (m instanceof LoopMessage.MergedInto merged) {
            mergedInto(record, merged.merge());
        } else if (m instanceof LoopMessage.Absorb absorb) {
            absorb(record, absorb.profile(), absorb.merge());
        } else if (m instanceof LoopMessage.Repoint repoint) {
            repoint(record.key(), repoint.merge(), repoint.from());
        } else if (m instanceof LoopMessage.Revive revive) {
            revive(record, revive);
        } else {
            erase(record.withValue((LoopMessage.Erase) m));
        }
    }

    private void fold(Record<String, LoopMessage.ToCustomer> record, ContactEvent event) {
        String id = record.key();
        if (erasedBefore(id, event)) {
            metrics.erasedEvents.increment();
            return;
        }
        CustomerRecord current = records.get(id);
        if (current != null && current.isMerged()) {
            if (!current.announced()) {
                // The merge reached this id before its first event: announce it now, and let the
                // survivor list it (ahead of the event, which follows on the same key).
                publishMerge(record, current.merge());
                records.put(id, current.withAnnounced());
                loop(record, current.mergedInto(), new LoopMessage.Absorb(null, current.merge(), 0));
            }
            loop(record, current.mergedInto(), record.value());
            return;
        }
        CustomerProfile profile = current == null ? null : current.profile();
        List<String> usable = folder.usableIdentifiers(event.customer());
        List<String> dropped = folder.overCap(profile, usable);
        CustomerProfile next = folder.fold(id, profile, event, usable);
        if (next == profile) {
            metrics.duplicates.increment();
            return;
        }
        metrics.folded.increment();
        if (!dropped.isEmpty()) {
            capped(record, event.source(), event.eventId(), dropped, List.of(id), event.occurredAt());
        }
        records.put(id, CustomerRecord.live(next, current == null ? null : current.merges()));
    }

    private void mergedInto(Record<String, LoopMessage.ToCustomer> record, CustomersMerged merge) {
        String id = record.key();
        String survivor = merge.survivorId();
        if (id.equals(survivor)) {
            return;
        }
        CustomerRecord current = records.get(id);
        boolean live = current != null && !current.isMerged();
        if (live) {
            loop(record, survivor, new LoopMessage.Absorb(current.profile(), merge, 0));
            publishMerge(record, merge);
            for (CustomersMerged earlier : current.merges()) {
                CustomersMerged onward = withSurvivor(merge, survivor);
                onward = new CustomersMerged(survivor, earlier.mergedId(), onward.linkingSource(),
                        onward.linkingEventId(), onward.linkingIdentifiers(), onward.occurredAt(), onward.mergedAt());
                loop(record, earlier.mergedId(), new LoopMessage.Repoint(onward, id, 0));
            }
        }
        records.put(id, CustomerRecord.merged(merge, live || current != null && current.announced()));
    }

    private void absorb(Record<String, LoopMessage.ToCustomer> record, CustomerProfile absorbed,
            CustomersMerged merge) {
        String id = record.key();
        CustomerRecord current = records.get(id);
        if (current != null && current.isMerged() && madeBefore(current.merge(), merge)) {
            // This id was merged before the merge that now makes it a survivor: it lives again (its
            // Revive is still on its way), and following its stale pointer could pass the profile round.
            metrics.stalePointers.increment();
            current = liveAgain(record, id, merge.linkingSource(), merge.linkingEventId(), merge.occurredAt());
        }
        if (current != null && current.isMerged()) {
            // Passed on along a chain of merges; the merged id then points at the final survivor.
            loop(record, current.mergedInto(), record.value());
            if (!current.mergedInto().equals(merge.mergedId())) {
                loop(record, merge.mergedId(),
                        new LoopMessage.Repoint(withSurvivor(merge, current.mergedInto()), id, 0));
            }
            return;
        }
        if (absorbed == null) {
            // Nothing to fold (the merged id had no profile yet): only the survivor's merge list changes.
            CustomerRecord base = current != null ? current : CustomerRecord.live(CustomerProfile.empty(id), List.of());
            records.put(id, base.withMerge(merge, limits.merges()));
            return;
        }
        CustomerProfile profile = current == null ? null : current.profile();
        List<CustomersMerged> merges = current == null ? List.of() : current.merges();
        List<String> dropped = profile == null ? List.of() : merger.overCap(profile, absorbed);
        if (!dropped.isEmpty()) {
            capped(record, merge.linkingSource(), merge.linkingEventId(), dropped, List.of(id, merge.mergedId()),
                    merge.occurredAt());
        }
        CustomerRecord next = CustomerRecord.live(merger.merge(id, profile, absorbed), merges)
                .withMerge(merge, limits.merges());
        records.put(id, next);
    }

    /**
     * Live again with nothing: its group was split off the survivor, or a late, earlier event made
     * it the oldest of its group (the other customer then merges into it). A split does not take the
     * folded events back out of the survivor: that is published for audit instead.
     */
    private void revive(Record<String, LoopMessage.ToCustomer> record, LoopMessage.Revive m) {
        String id = record.key();
        CustomerRecord current = records.get(id);
        if (current == null || !current.isMerged()) {
            return;
        }
        LoopMessage.Cause cause = m.cause();
        liveAgain(record, id, cause.source(), cause.eventId(), cause.occurredAt());
        if (m.splitFrom() != null) {
            metrics.splits.increment();
            IdentityConflict split = new IdentityConflict("customers-split", cause.source(), cause.eventId(),
                    List.of(m.identifier()), List.of(current.mergedInto(), id), id, cause.occurredAt(),
                    Instant.ofEpochMilli(context.currentSystemTimeMs()));
            context.forward(record.withKey(id).withValue(split), ProfileTopology.AUDIT_SINK);
        }
    }

    /**
     * An event of an erased customer that was ingested before the erasure (in flight then, or a replay) is
     * erased with it; one ingested after it is a new contact and starts a new profile. Without an ingest
     * time nothing proves it new.
     */
    private boolean erasedBefore(String id, ContactEvent event) {
        Long requestedAt = erased.get(id);
        return requestedAt != null && (event.ingestedAt() == null || event.ingestedAt().toEpochMilli() < requestedAt);
    }

    /**
     * Forgets a customer. At the request's customer: deletes the profile and starts the chain over its
     * identifiers and merged ids ({@link ErasureChain}); a request naming a merged id goes on to its
     * survivor, the same person. At a merged id on the chain: deletes its pointer, which remembers the
     * merge's linking identifiers, unless it lives again as a customer of its own.
     */
    private void erase(Record<String, LoopMessage.Erase> record) {
        LoopMessage.Erasure erasure = record.value().erasure();
        String id = record.key();
        CustomerRecord current = records.get(id);
        ErasureRequested request = erasure.request();
        if (!id.equals(request.customerId())) {
            // A late event of the person may come to this id once the index forgot the group (see fold).
            erased.put(id, request.requestedAt().toEpochMilli());
            boolean pointer = current != null && current.isMerged();
            if (pointer) {
                records.delete(id);
            }
            ErasureChain.next(context, record, pointer ? 1 : 0);
            return;
        }
        metrics.erasures.increment();
        erased.put(id, request.requestedAt().toEpochMilli());
        Set<String> keys = new LinkedHashSet<>();
        if (current != null && current.isMerged()) {
            request = new ErasureRequested(request.erasureId(), current.mergedInto(), request.requestedAt(),
                    request.requestedBy());
            keys.add(current.mergedInto());
        } else if (current != null) {
            current.profile().identifiers().forEach((type, values) -> values.forEach(value -> keys.add(type + ":" + value)));
            current.merges().forEach(merge -> keys.addAll(merge.linkingIdentifiers()));
            // Every id this person ever had is the id of one of their identifiers, or a merge remembers it:
            // each may hold a pointer (with the identifiers that linked it) to forget.
            List<String> identifiers = List.copyOf(keys);
            identifiers.stream().map(CustomerKeys::customerIdOf).forEach(keys::add);
            current.merges().stream().map(CustomersMerged::mergedId).forEach(keys::add);
            keys.remove(id);
        }
        if (current != null) {
            records.delete(id);
        }
        keys.addAll(erasure.remaining());
        LoopMessage.ErasureStep started = LoopMessage.erasing(id, new LoopMessage.Erasure(request, List.copyOf(keys),
                erasure.erased()));
        ErasureChain.next(context, record.withValue(started), current == null ? 0 : 1);
    }

    /** Whether {@code earlier} was made before {@code later}, by profile's clock (unknown: no). */
    private static boolean madeBefore(CustomersMerged earlier, CustomersMerged later) {
        return earlier != null && earlier.mergedAt() != null && later.mergedAt() != null
                && earlier.mergedAt().isBefore(later.mergedAt());
    }

    private static CustomersMerged withSurvivor(CustomersMerged merge, String survivor) {
        return new CustomersMerged(survivor, merge.mergedId(), merge.linkingSource(), merge.linkingEventId(),
                merge.linkingIdentifiers(), merge.occurredAt(), merge.mergedAt());
    }

    /**
     * A merged id lives again, with nothing. If its merge was published, downstream services still
     * hold a pointer from it to its old survivor; a merge into itself tells them to drop it, so that
     * a later merge the other way (the old survivor into this id) forms no cycle with it.
     */
    private CustomerRecord liveAgain(Record<String, LoopMessage.ToCustomer> record, String id, String source,
            String eventId, Instant occurredAt) {
        CustomerRecord current = records.get(id);
        CustomerRecord live = CustomerRecord.live(CustomerProfile.empty(id), List.of());
        records.put(id, live);
        if (current != null && current.announced()) {
            metrics.revived.increment();
            // No identifiers: the word names no link, and readers that refuse it may log it.
            CustomersMerged lives = new CustomersMerged(id, id, source, eventId, List.of(), occurredAt,
                    Instant.ofEpochMilli(context.currentSystemTimeMs()));
            context.forward(record.withKey(id).withValue(lives), ProfileTopology.MERGES_SINK);
        }
        return live;
    }

    /** Only an id that still points at {@code from} (the survivor merged further) follows; null: any. */
    private void repoint(String id, CustomersMerged onward, String from) {
        CustomerRecord current = records.get(id);
        if (current != null && current.isMerged() && !id.equals(onward.survivorId())
                && (from == null || current.mergedInto().equals(from))
                && !current.mergedInto().equals(onward.survivorId())) {
            records.put(id, current.repointedTo(onward.survivorId()));
        }
    }

    /** Writes {@code message} to the loop, keyed by {@code key}, one hop after the message being processed. */
    private void loop(Record<String, LoopMessage.ToCustomer> record, String key, LoopMessage message) {
        context.forward(record.withKey(key).withValue(message.after(record.value())), ProfileTopology.LOOP_SINK);
    }

    private void publishMerge(Record<String, LoopMessage.ToCustomer> record, CustomersMerged merge) {
        metrics.merges.increment();
        context.forward(record.withKey(merge.mergedId()).withValue(merge), ProfileTopology.MERGES_SINK);
    }

    private void capped(Record<String, LoopMessage.ToCustomer> record, String source, String eventId,
            List<String> dropped, List<String> customers, Instant occurredAt) {
        metrics.cappedIdentifiers.increment();
        IdentityConflict audit = new IdentityConflict("identifier-cap", source, eventId, dropped, customers,
                customers.get(0), occurredAt, Instant.ofEpochMilli(context.currentSystemTimeMs()));
        context.forward(record.withKey(customers.get(0)).withValue(audit), ProfileTopology.AUDIT_SINK);
    }
}
