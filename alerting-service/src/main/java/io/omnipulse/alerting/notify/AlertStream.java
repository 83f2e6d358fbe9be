package io.omnipulse.alerting.notify;

import io.omnipulse.events.AlertEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Live alert events for server-sent-event subscribers. Fed by the outbox relay once an event is
 * on Kafka, so a screen never shows a step that was rolled back. Subscribers see events from the
 * moment they connect; the queue (GET /v1/alerts) is the history.
 */
@ApplicationScoped
public class AlertStream {

    private final BroadcastProcessor<AlertEvent> processor = BroadcastProcessor.create();

    public void publish(AlertEvent event) {
        processor.onNext(event);
    }

    /** A slow screen drops events rather than holding the relay back. */
    public Multi<AlertEvent> subscribe() {
        return processor.onOverflow().drop();
    }
}
