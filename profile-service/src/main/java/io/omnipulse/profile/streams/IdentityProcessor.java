package io.omnipulse.profile.streams;

import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.IdentityConflict;
import io.omnipulse.profile.domain.IdentityNode;
import io.omnipulse.profile.domain.IdentityRules;
import io.omnipulse.profile.domain.Label;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One node per typed identifier. A claim links the identifiers of an event; a better label is
 * offered to every linked identifier through the loop topic until the whole group holds the same
 * one. Labels only move towards the oldest representative, so this converges, and to the same
 * result in every order. When a group's representative gives up its own label, its customer was
 * merged: that is announced to the profile store.
 */
final class IdentityProcessor implements Processor<String, LoopMessage, String, Object> {

    private final IdentityRules rules;
    private final ProfileMetrics metrics;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, IdentityNode> nodes;

    IdentityProcessor(IdentityRules rules, ProfileMetrics metrics) {
        this.rules = rules;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.nodes = context.getStateStore(ProfileTopology.IDENTIFIER_INDEX_STORE);
    }

    @Override
    public void process(Record<String, LoopMessage> record) {
        LoopMessage message = record.value();
        String self = record.key();
        if (self == null || message == null
                || message.kind() != LoopMessage.Kind.CLAIM && message.kind() != LoopMessage.Kind.OFFER) {
            return;
        }
        IdentityNode node = nodes.get(self);
        node = node == null ? IdentityNode.empty() : node;
        LoopMessage.Cause cause = message.cause();
        IdentityNode.Step step = message.kind() == LoopMessage.Kind.CLAIM
                ? node.claim(self, cause.identifiers(), cause.occurredAt(), rules)
                : node.offer(message.label());
        if (!step.node().equals(node)) {
            nodes.put(self, step.node());
        }
        Label label = step.node().label();
        if (message.kind() == LoopMessage.Kind.CLAIM) {
            context.forward(record.withKey(cause.eventKey())
                    .withValue(LoopMessage.response(self, label, step.node().shared())), ProfileTopology.LOOP_SINK);
        }
        if (step.becameShared()) {
            metrics.sharedIdentifiers.increment();
            audit(record, "shared-identifier", cause, List.of(self), step.node().customers(), label.customerId());
        }
        if (step.labelChanged()) {
            announceMerge(record, self, step.before(), label, cause);
        }
        for (String linked : step.offerTo()) {
            context.forward(record.withKey(linked).withValue(LoopMessage.offer(label, cause)),
                    ProfileTopology.LOOP_SINK);
        }
    }

    /**
     * Only the representative announces: it held its group's customer id and now holds another; or
     * it gets its own id back after a late, earlier event.
     */
    private void announceMerge(Record<String, LoopMessage> record, String self, Label before, Label after,
            LoopMessage.Cause cause) {
        String own = CustomerKeys.customerIdOf(self);
        if (before != null && !before.customerId().equals(own) && after.customerId().equals(own)) {
            // Its customer had been merged away; the group now comes back to it.
            context.forward(record.withKey(own).withValue(LoopMessage.revive()), ProfileTopology.LOOP_SINK);
            return;
        }
        if (before == null || !before.customerId().equals(CustomerKeys.customerIdOf(self))
                || before.customerId().equals(after.customerId())) {
            return;
        }
        CustomersMerged merge = new CustomersMerged(after.customerId(), before.customerId(), cause.source(),
                cause.eventId(), cause.identifiers(), cause.occurredAt(), now());
        context.forward(record.withKey(before.customerId()).withValue(LoopMessage.mergedInto(merge)),
                ProfileTopology.LOOP_SINK);
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
