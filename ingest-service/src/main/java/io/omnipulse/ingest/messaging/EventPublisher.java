package io.omnipulse.ingest.messaging;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Topics;
import io.omnipulse.ingest.domain.PayloadTooLargeException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Sends events to {@code cx.contact-events.v1}, keyed by customer, and completes only when Kafka
 * acknowledged every one. A failure part-way may leave earlier records published; the caller then
 * answers 503 and the client resends the whole batch, which consumers deduplicate by source and eventId.
 */
@ApplicationScoped
public class EventPublisher {

    private final KafkaProducer<String, ContactEvent> producer;
    private final RecordKeys keys;
    private final InFlightEvents inFlight;

    EventPublisher(KafkaProducer<String, ContactEvent> producer, RecordKeys keys, InFlightEvents inFlight) {
        this.producer = producer;
        this.keys = keys;
        this.inFlight = inFlight;
    }

    /**
     * Call from a worker thread: send() may block up to max.block.ms while the broker is unknown.
     * Throws IngestOverloadedException, before sending anything, when too many events already wait
     * for Kafka.
     */
    public CompletionStage<List<ContactEvent>> publish(List<ContactEvent> events) {
        if (!inFlight.tryAdmit(events.size())) {
            throw new IngestOverloadedException(
                    "more than " + inFlight.limit() + " events are waiting for Kafka; retry shortly");
        }
        return sendAll(events).whenComplete((published, failure) -> inFlight.release(events.size()));
    }

    private CompletionStage<List<ContactEvent>> sendAll(List<ContactEvent> events) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(events.size());
        for (ContactEvent event : events) {
            CompletableFuture<Void> ack = send(event);
            acks.add(ack);
            if (ack.isCompletedExceptionally()) {
                break; // the broker is not there: do not wait max.block.ms once per remaining event
            }
        }
        CompletableFuture<List<ContactEvent>> result = new CompletableFuture<>();
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
            if (failure == null) {
                result.complete(events);
            } else {
                result.completeExceptionally(translate(failure));
            }
        });
        return result;
    }

    private CompletableFuture<Void> send(ContactEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        ProducerRecord<String, ContactEvent> record = new ProducerRecord<>(Topics.CONTACT_EVENTS.name(),
                keys.keyOf(event), event);
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    ack.complete(null);
                } else {
                    ack.completeExceptionally(failure);
                }
            });
        } catch (KafkaException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    static Throwable translate(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RecordTooLargeException) {
            return new PayloadTooLargeException("an event is larger than Kafka accepts: " + cause.getMessage());
        }
        if (cause instanceof SerializationException || !(cause instanceof KafkaException)) {
            return cause; // our bug, not the broker's: let it surface as a 500
        }
        return new PublishUnavailableException("Kafka did not acknowledge the events in time: " + cause.getMessage(),
                cause);
    }
}
