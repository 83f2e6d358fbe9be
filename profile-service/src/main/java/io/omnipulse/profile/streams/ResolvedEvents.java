package io.omnipulse.profile.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.IdentityConflict;
import io.omnipulse.profile.domain.Attribution;
import io.omnipulse.profile.domain.Label;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The last step of resolving an event, once its last identifier answered: attribute it to one
 * customer, publish it resolved and fold it into that customer's profile, in this task when the
 * profile lives here ({@link LoopRouting}), else through the loop.
 */
final class ResolvedEvents {

    private final ProcessorContext<String, Object> context;
    private final ProfileMetrics metrics;
    private final LoopRouting routing;

    ResolvedEvents(ProcessorContext<String, Object> context, ProfileMetrics metrics, LoopRouting routing) {
        this.context = context;
        this.metrics = metrics;
        this.routing = routing;
    }

    void publish(Record<String, ? extends LoopMessage> record, ContactEvent event, List<String> identifiers,
            Map<String, Label> labels, Set<String> shared) {
        Attribution attribution = Attribution.of(identifiers, labels, shared);
        String customerId = attribution.customerId();
        metrics.resolved.increment();
        if (attribution.conflict()) {
            metrics.crmConflicts.increment();
            IdentityConflict conflict = new IdentityConflict("crm-conflict", event.source(), event.eventId(),
                    identifiers, attribution.customerIds(), customerId, event.occurredAt(),
                    Instant.ofEpochMilli(context.currentSystemTimeMs()));
            context.forward(record.withKey(customerId).withValue(conflict), ProfileTopology.AUDIT_SINK);
        }
        context.forward(record.withKey(customerId).withValue(event), ProfileTopology.RESOLVED_SINK);
        boolean local = routing.isLocal(customerId, context.taskId().partition());
        if (local) {
            metrics.foldsInTask.increment();
        }
        context.forward(record.withKey(customerId).withValue(new LoopMessage.Fold(event, record.value().hops() + 1)),
                local ? ProfileTopology.PROFILES : ProfileTopology.LOOP_SINK);
    }
}
