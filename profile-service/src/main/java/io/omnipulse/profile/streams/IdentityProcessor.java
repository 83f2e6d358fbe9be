package io.omnipulse.profile.streams;

import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.IdentityConflict;
import io.omnipulse.profile.domain.IdentityNode;
import io.omnipulse.profile.domain.IdentityRules;
import io.omnipulse.profile.domain.Label;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One node per typed identifier ({@link IdentityNode} defines the grouping it computes). A claim
 * links the identifiers of an event (and resolves the event when it has no other identifier); offers carry what each identifier reaches to its links through
 * the loop topic until nothing changes any more; an identifier that becomes shared withdraws. When
 * a group's representative moves to another customer, its customer was merged; when it gets its own
 * customer back, that customer lives again. Both are announced to the profile store.
 */
final class IdentityProcessor implements Processor<String, LoopMessage, String, Object> {

    private final IdentityRules rules;
    private final ProfileMetrics metrics;
    private final LoopRouting routing;
    private ProcessorContext<String, Object> context;
    private ResolvedEvents resolved;
    private KeyValueStore<String, IdentityNode> nodes;
    private KeyValueStore<String, Long> resolvedAt;

    IdentityProcessor(IdentityRules rules, ProfileMetrics metrics, LoopRouting routing) {
        this.rules = rules;
        this.routing = routing;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.resolved = new ResolvedEvents(context, metrics, routing);
        this.nodes = context.getStateStore(ProfileTopology.IDENTIFIER_INDEX_STORE);
        this.resolvedAt = context.getStateStore(ProfileTopology.RESOLVED_KEYS_STORE);
    }

    @Override
    public void process(Record<String, LoopMessage> record) {
        LoopMessage message = record.value();
        String self = record.key();
        if (self == null || message == null) {
            return;
        }
        if (message.kind() == LoopMessage.Kind.FORGET) {
            forget(record, self);
            return;
        }
        IdentityNode node = nodes.get(self);
        node = node == null ? IdentityNode.empty() : node;
        LoopMessage.Cause cause = message.cause();
        IdentityNode.Step step = switch (message.kind()) {
            case CLAIM -> node.claim(self, cause.identifiers(), cause.occurredAt(), rules);
            case OFFER -> node.offered(self, message.identifier(), message.offer(), rules);
            case WITHDRAW -> node.withdrawn(self, message.identifier());
            default -> null;
        };
        if (step == null) {
            return;
        }
        if (!step.node().equals(node)) {
            nodes.put(self, step.node());
        }
        Label label = step.node().label();
        if (message.kind() == LoopMessage.Kind.CLAIM && message.event() != null) {
            resolveAlone(record, self, label, step.node().shared());
        } else if (message.kind() == LoopMessage.Kind.CLAIM) {
            loop(record, cause.eventKey(), LoopMessage.response(self, label, step.node().shared()));
        }
        if (step.becameShared()) {
            metrics.sharedIdentifiers.increment();
            audit(record, "shared-identifier", cause, List.of(self), step.node().customers(), label.customerId());
        }
        if (step.labelChanged()) {
            announce(record, self, step, cause);
        }
        for (String linked : step.offerTo()) {
            loop(record, linked, LoopMessage.offer(self, step.offer(), cause));
        }
        for (String linked : step.withdrawTo()) {
            loop(record, linked, LoopMessage.withdraw(self, cause));
        }
    }

    /**
     * An erased customer's identifier: its entry goes (a tombstone, so the changelog forgets it too),
     * whatever it links, it joins the erased identifiers, and the erasure goes on to the next key.
     */
    private void forget(Record<String, LoopMessage> record, String self) {
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
     * An event with this identifier alone: its label after the claim is all the resolver would wait
     * for, so it is resolved here. Its key is remembered in the resolver's store of resolved keys (a
     * replay of the event carries the same single identifier, so it comes to the same partition).
     */
    private void resolveAlone(Record<String, LoopMessage> record, String self, Label label, boolean shared) {
        String key = record.value().event().dedupKey();
        if (resolvedAt.get(key) != null) {
            metrics.replays.increment();
            return;
        }
        resolvedAt.put(key, context.currentSystemTimeMs());
        resolved.publish(record, record.value().event(), List.of(self), Map.of(self, label),
                shared ? Set.of(self) : Set.of());
    }

    /**
     * Only the representative announces: it held its own customer id and now holds another (a merge),
     * or it gets its own id back (after a split, or when a late, earlier event made it the oldest).
     */
    private void announce(Record<String, LoopMessage> record, String self, IdentityNode.Step step,
            LoopMessage.Cause cause) {
        Label before = step.before();
        Label after = step.node().label();
        String own = CustomerKeys.customerIdOf(self);
        if (before == null || before.customerId().equals(after.customerId())) {
            return;
        }
        if (after.customerId().equals(own)) {
            loop(record, own, LoopMessage.revive(cause, self, step.split() ? before : null));
            return;
        }
        if (!before.customerId().equals(own)) {
            return;
        }
        CustomersMerged merge = new CustomersMerged(after.customerId(), before.customerId(), cause.source(),
                cause.eventId(), cause.identifiers(), cause.occurredAt(), now());
        loop(record, before.customerId(), LoopMessage.mergedInto(merge));
    }

    /** Writes {@code message} to the loop, keyed by {@code key}, one hop after the message being processed. */
    private void loop(Record<String, LoopMessage> record, String key, LoopMessage message) {
        context.forward(record.withKey(key).withValue(message.after(record.value())), ProfileTopology.LOOP_SINK);
    }

    private void audit(Record<String, LoopMessage> record, String kind, LoopMessage.Cause cause,
            List<String> identifiers, List<String> customers, String attributedTo) {
        IdentityConflict conflict = new IdentityConflict(kind, cause.source(), cause.eventId(), identifiers,
                customers.stream().map(CustomerKeys::customerIdOf).toList(), attributedTo, cause.occurredAt(), now());
        context.forward(record.withKey(attributedTo).withValue(conflict), ProfileTopology.AUDIT_SINK);
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
