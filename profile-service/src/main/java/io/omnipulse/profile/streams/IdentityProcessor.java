package io.omnipulse.profile.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.IdentityConflict;
import io.omnipulse.profile.domain.IdentityNode;
import io.omnipulse.profile.domain.IdentityRules;
import io.omnipulse.profile.domain.Label;
import io.omnipulse.profile.streams.LoopMessage.Gathered;
import io.omnipulse.streamsupport.StoreSweeps;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One node per typed identifier ({@link IdentityNode} defines the grouping it computes). A claim
 * links the identifiers of an event and passes the event on to the next of them, with the labels so
 * far; the last resolves it: attributes it to one customer, publishes it and folds it into that
 * profile ({@link ResolvedEvents}). Offers carry what each identifier reaches to its links through
 * the loop topic until nothing changes any more; an identifier that becomes shared withdraws. When
 * a group's representative moves to another customer, its customer was merged; when it gets its own
 * customer back, that customer lives again. Both are announced to the profile store.
 *
 * <p>A resolved event's key is remembered (with the wall-clock time) for the replay retention: a
 * re-sent event is dropped, because after a merge it would be published under another customer id
 * and a per-partition dedup downstream would count it twice.
 */
final class IdentityProcessor implements Processor<String, LoopMessage.ToIdentifier, String, Object> {

    private final IdentityRules rules;
    private final ProfileMetrics metrics;
    private final LoopRouting routing;
    private final Duration replayRetention;
    private final Duration purgeInterval;
    private ProcessorContext<String, Object> context;
    private ResolvedEvents resolved;
    private KeyValueStore<String, IdentityNode> nodes;
    private KeyValueStore<String, Long> resolvedAt;

    IdentityProcessor(IdentityRules rules, ProfileMetrics metrics, LoopRouting routing, Duration replayRetention,
            Duration purgeInterval) {
        this.rules = rules;
        this.replayRetention = replayRetention;
        this.purgeInterval = purgeInterval;
        this.routing = routing;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.resolved = new ResolvedEvents(context, metrics, routing);
        this.nodes = context.getStateStore(ProfileTopology.IDENTIFIER_INDEX_STORE);
        this.resolvedAt = context.getStateStore(ProfileTopology.RESOLVED_KEYS_STORE);
        // Wall-clock, not stream time: expired keys must go even when no events arrive.
        context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, this::purgeExpired);
    }

    @Override
    public void process(Record<String, LoopMessage.ToIdentifier> record) {
        LoopMessage.ToIdentifier message = record.value();
        String self = record.key();
        if (self == null || message == null) {
            return;
        }
        if (message instanceof LoopMessage.Forget) {
            forget(record.withValue((LoopMessage.Forget) message), self);
            return;
        }
        IdentityNode node = nodes.get(self);
        node = node == null ? IdentityNode.empty() : node;
        IdentityNode.Step step;
        LoopMessage.Cause cause;
        if (message instanceof LoopMessage.Claim claim) {
            cause = claim.cause();
            step = node.claim(self, cause.identifiers(), cause.occurredAt(), rules);
        } else if (message instanceof LoopMessage.Offered offered) {
            cause = offered.cause();
            step = node.offered(self, offered.from(), offered.offer(), rules);
        } else {
            LoopMessage.Withdrawn withdrawn = (LoopMessage.Withdrawn) message;
            cause = withdrawn.cause();
            step = node.withdrawn(self, withdrawn.from());
        }
        if (!step.node().equals(node)) {
            nodes.put(self, step.node());
        }
        Label label = step.node().label();
        if (step.becameShared()) {
            metrics.sharedIdentifiers.increment();
            audit(record, "shared-identifier", cause, List.of(self), step.node().customers(), label.customerId());
        }
        if (step.labelChanged()) {
            announce(record, self, step, cause);
        }
        for (String linked : step.offerTo()) {
            loop(record, linked, new LoopMessage.Offered(self, step.offer(), cause, 0));
        }
        for (String linked : step.withdrawTo()) {
            loop(record, linked, new LoopMessage.Withdrawn(self, cause, 0));
        }
        if (message instanceof LoopMessage.Claim claim) {
            passOn(record, claim, self, label, step.node().shared());
        }
    }

    /**
     * The event goes on to its next identifier with this one's label after the claim, or, from the
     * last, is resolved here. The next claim stays in this task when the loop would bring it here
     * (its depth is bounded by the event's identifiers, at most one per type).
     */
    private void passOn(Record<String, LoopMessage.ToIdentifier> record, LoopMessage.Claim claim, String self,
            Label label, boolean shared) {
        Gathered gathered = claim.gathered().with(self, label, shared);
        List<String> identifiers = claim.cause().identifiers();
        String next = gathered.nextOf(identifiers);
        if (next == null) {
            resolve(record, claim.event(), identifiers, gathered);
            return;
        }
        Record<String, LoopMessage.ToIdentifier> onward = record.withKey(next)
                .withValue(new LoopMessage.Claim(claim.event(), claim.cause(), gathered, claim.hops() + 1));
        if (routing.isLocal(CustomerKeys.customerIdOf(next), context.taskId().partition())) {
            metrics.claimsInTask.increment();
            process(onward);
        } else {
            context.forward(onward, ProfileTopology.LOOP_SINK);
        }
    }

    /**
     * An erased customer's identifier: its entry goes (a tombstone, so the changelog forgets it too),
     * whatever it links, it joins the erased identifiers, and the erasure goes on to the next key.
     */
    private void forget(Record<String, LoopMessage.Forget> record, String self) {
        boolean known = nodes.get(self) != null;
        if (known) {
            nodes.delete(self);
        }
        // Its keyed hash, for every intake to check events against (EventIntake): never the value itself.
        long requestedAt = record.value().erasure().request().requestedAt().toEpochMilli();
        context.forward(record.withKey(CustomerKeys.customerIdOf(self)).withValue(requestedAt),
                ProfileTopology.ERASED_IDENTIFIERS_SINK);
        ErasureChain.next(context, record, known ? 1 : 0);
    }

    /**
     * Every identifier of the event answered: it is resolved here, on the partition of its last
     * identifier, where its replays end too (the same identifiers in the same order), and its key is
     * remembered for the replay retention.
     */
    private void resolve(Record<String, LoopMessage.ToIdentifier> record, ContactEvent event, List<String> identifiers,
            Gathered gathered) {
        String key = event.dedupKey();
        if (resolvedAt.get(key) != null) {
            metrics.replays.increment();
            return;
        }
        resolvedAt.put(key, context.currentSystemTimeMs());
        resolved.publish(record, event, identifiers, gathered.labels(), new HashSet<>(gathered.shared()));
    }

    /**
     * Only the representative announces: it held its own customer id and now holds another (a merge),
     * or it gets its own id back (after a split, or when a late, earlier event made it the oldest).
     */
    private void announce(Record<String, LoopMessage.ToIdentifier> record, String self, IdentityNode.Step step,
            LoopMessage.Cause cause) {
        Label before = step.before();
        Label after = step.node().label();
        String own = CustomerKeys.customerIdOf(self);
        if (before == null || before.customerId().equals(after.customerId())) {
            return;
        }
        if (after.customerId().equals(own)) {
            loop(record, own, new LoopMessage.Revive(cause, self, step.split() ? before : null, 0));
            return;
        }
        if (!before.customerId().equals(own)) {
            return;
        }
        CustomersMerged merge = new CustomersMerged(after.customerId(), before.customerId(), cause.source(),
                cause.eventId(), cause.identifiers(), cause.occurredAt(), now());
        loop(record, before.customerId(), new LoopMessage.MergedInto(merge, 0));
    }

    /** Writes {@code message} to the loop, keyed by {@code key}, one hop after the message being processed. */
    private void loop(Record<String, LoopMessage.ToIdentifier> record, String key, LoopMessage message) {
        context.forward(record.withKey(key).withValue(message.after(record.value())), ProfileTopology.LOOP_SINK);
    }

    private void audit(Record<String, LoopMessage.ToIdentifier> record, String kind, LoopMessage.Cause cause,
            List<String> identifiers, List<String> customers, String attributedTo) {
        IdentityConflict conflict = new IdentityConflict(kind, cause.source(), cause.eventId(), identifiers,
                customers.stream().map(CustomerKeys::customerIdOf).toList(), attributedTo, cause.occurredAt(), now());
        context.forward(record.withKey(attributedTo).withValue(conflict), ProfileTopology.AUDIT_SINK);
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    private void purgeExpired(long now) {
        long cutoff = now - replayRetention.toMillis();
        StoreSweeps.deleteWhere(resolvedAt, resolvedMs -> resolvedMs < cutoff);
    }
}
