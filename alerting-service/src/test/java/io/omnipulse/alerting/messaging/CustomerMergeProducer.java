package io.omnipulse.alerting.messaging;

import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Publishes merges the way profile-service does: catalog serdes, keyed by the merged id. */
final class CustomerMergeProducer implements AutoCloseable {

    private final TopicWriter<CustomersMerged> writer = new TopicWriter<>(Topics.CUSTOMER_MERGES);

    /** A merge of {@code mergedId} into {@code survivorId} by a new linking event. */
    static CustomersMerged merge(String mergedId, String survivorId) {
        return merge(mergedId, survivorId, Instant.now());
    }

    /** The same, made by profile-service at {@code mergedAt} (merges are ordered by it across ids). */
    static CustomersMerged merge(String mergedId, String survivorId, Instant mergedAt) {
        return new CustomersMerged(survivorId, mergedId, "chat-widget", "evt-" + UUID.randomUUID(),
                List.of("email:ann@example.com"), mergedAt, mergedAt);
    }

    /** Sends and waits for the broker's acknowledgement. */
    void send(CustomersMerged merge) {
        writer.send(merge.mergedId(), merge);
    }

    /** Sends bytes that are not a CustomersMerged, as a broken producer might. */
    void sendGarbage(String key, String value) {
        writer.sendGarbage(key, value);
    }

    @Override
    public void close() {
        writer.close();
    }
}
