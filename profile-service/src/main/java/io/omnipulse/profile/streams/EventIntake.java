package io.omnipulse.profile.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.IdentityConflict;
import io.omnipulse.profile.domain.IdentifierNormaliser;
import io.omnipulse.profile.domain.ProfileFolder;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * First step: normalises the identifiers of a contact event, reports junk, and sends the event in a
 * claim to its strongest usable identifier, which passes it on to the next ({@link IdentityProcessor}).
 * That claim is handed to the identity processor of this task when the loop would bring it here
 * ({@link LoopRouting}): ingest keys events by that identifier's customer id, so mostly it is.
 */
final class EventIntake implements Processor<String, ContactEvent, String, Object> {

    private final IdentifierNormaliser normaliser;
    private final ProfileMetrics metrics;
    private final boolean suppressErased;
    private final LoopRouting routing;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Long> erasedIdentifiers;

    /** @param suppressErased drop events with an erased identifier whenever ingested (the suppression list) */
    EventIntake(IdentifierNormaliser normaliser, ProfileMetrics metrics, boolean suppressErased, LoopRouting routing) {
        this.normaliser = normaliser;
        this.routing = routing;
        this.metrics = metrics;
        this.suppressErased = suppressErased;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.erasedIdentifiers = context.getStateStore(ProfileTopology.ERASED_IDENTIFIERS_STORE);
    }

    @Override
    public void process(Record<String, ContactEvent> record) {
        ContactEvent event = record.value();
        if (!ProfileFolder.canFold(event) || event.source() == null || event.eventId() == null) {
            metrics.unusable.increment();
            return;
        }
        var identifiers = normaliser.normalise(event.customer());
        List<String> usable = identifiers.usable();
        if (!identifiers.junk().isEmpty()) {
            metrics.junkIdentifiers.increment();
            String attributedTo = usable.isEmpty() ? null : CustomerKeys.customerIdOf(usable.get(0));
            IdentityConflict audit = new IdentityConflict("junk-identifier", event.source(), event.eventId(),
                    identifiers.junk(), List.of(), attributedTo, event.occurredAt(),
                    Instant.ofEpochMilli(context.currentSystemTimeMs()));
            context.forward(record.withKey(attributedTo == null ? event.dedupKey() : attributedTo).withValue(audit),
                    ProfileTopology.AUDIT_SINK);
        }
        if (usable.isEmpty()) {
            (identifiers.junk().isEmpty() ? metrics.unusable : metrics.junkOnly).increment();
            return;
        }
        if (erased(event, usable)) {
            return;
        }
        LoopMessage.Cause cause = LoopMessage.cause(event, usable);
        claim(record, usable.get(0), new LoopMessage.Claim(event, cause, LoopMessage.Gathered.NOTHING, 1));
    }

    /** Sends a claim to its identifier: straight to the identity processor of this task, or through the loop. */
    private void claim(Record<String, ContactEvent> record, String identifier, LoopMessage.Claim claim) {
        boolean local = routing.isLocal(CustomerKeys.customerIdOf(identifier), context.taskId().partition());
        if (local) {
            metrics.claimsInTask.increment();
        }
        context.forward(record.withKey(identifier).withValue(claim),
                local ? ProfileTopology.IDENTITY : ProfileTopology.LOOP_SINK);
    }

    /**
     * Whether the event carries an erased identifier and goes no further: always when it was ingested
     * before that erasure (a copy in flight then, or a replay: erased with the rest), and with the
     * suppression list whenever it was ingested. Without an ingest time nothing proves it new.
     */
    private boolean erased(ContactEvent event, List<String> identifiers) {
        Long latest = null;
        for (String identifier : identifiers) {
            Long at = erasedIdentifiers.get(CustomerKeys.customerIdOf(identifier));
            if (at != null && (latest == null || at > latest)) {
                latest = at;
            }
        }
        if (latest == null) {
            return false;
        }
        if (event.ingestedAt() == null || event.ingestedAt().toEpochMilli() < latest) {
            metrics.erasedEvents.increment();
            return true;
        }
        if (suppressErased) {
            metrics.suppressedEvents.increment();
            return true;
        }
        return false;
    }
}
