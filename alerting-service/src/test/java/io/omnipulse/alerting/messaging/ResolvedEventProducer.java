package io.omnipulse.alerting.messaging;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Publishes ContactEvents the way profile-service does on the resolved topic: catalog serdes, keyed by
 * customer id (for a customer never merged, the id ingest derives from its identifiers).
 */
final class ResolvedEventProducer implements AutoCloseable {

    private final KafkaProducer<String, ContactEvent> producer;
    private final KafkaProducer<String, byte[]> raw;

    ResolvedEventProducer() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, Topics.RESOLVED_EVENTS.keySerde().serializer(),
                Topics.RESOLVED_EVENTS.valueSerde().serializer());
        raw = new KafkaProducer<>(props, Topics.RESOLVED_EVENTS.keySerde().serializer(), new ByteArraySerializer());
    }

    /** Sends and waits for the broker's acknowledgement, so events of one test keep their order. */
    void send(ContactEvent event) {
        send(CustomerKeys.customerId(event.customer()), event);
    }

    /** Sends under the customer id identity resolution gave it (e.g. a survivor after a merge). */
    void send(String customerId, ContactEvent event) {
        await(producer.send(new ProducerRecord<>(Topics.RESOLVED_EVENTS.name(), customerId, event)),
                event.dedupKey());
    }

    /** Sends bytes that are not a ContactEvent, as a broken producer might. */
    void sendGarbage(String key, String value) {
        await(raw.send(new ProducerRecord<>(Topics.RESOLVED_EVENTS.name(), key,
                value.getBytes(StandardCharsets.UTF_8))), "garbage for " + key);
    }

    private static void await(Future<?> sent, String what) {
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + what, e);
        }
    }

    static ContactEvent nps(String eventId, String email, Integer score, String comment, Instant occurredAt) {
        return feedback(eventId, email, Metric.NPS, score, comment, occurredAt);
    }

    static ContactEvent feedback(String eventId, String email, Metric metric, Integer score, String comment,
            Instant occurredAt) {
        return new ContactEvent(eventId, "survey-tool", EventType.FEEDBACK, Channel.EMAIL, occurredAt,
                new CustomerIds(null, email, null, null, null), "conv-" + eventId, "agent-7", "billing", null,
                new FeedbackDetails(metric, score, null, comment, null), Instant.now());
    }

    /** A contact (not an answer) in a conversation, handled by {@code team}. */
    static ContactEvent interaction(String eventId, String email, String conversationId, String team, int transfers,
            int waitSeconds, Instant occurredAt) {
        return new ContactEvent(eventId, "telephony", EventType.INTERACTION, Channel.CALL, occurredAt,
                new CustomerIds(null, email, null, null, null), conversationId, "agent-42", team,
                new InteractionDetails(Direction.INBOUND, InteractionStatus.RESOLVED, waitSeconds, 300, transfers,
                        "invoice", null),
                null, Instant.now());
    }

    /** An NPS answer that rates an earlier conversation. */
    static ContactEvent npsRating(String eventId, String email, int score, String comment, String rates,
            Instant occurredAt) {
        return new ContactEvent(eventId, "survey-tool", EventType.FEEDBACK, Channel.EMAIL, occurredAt,
                new CustomerIds(null, email, null, null, null), "survey-" + eventId, null, "billing", null,
                new FeedbackDetails(Metric.NPS, score, null, comment, rates), Instant.now());
    }

    @Override
    public void close() {
        producer.close();
        raw.close();
    }
}
