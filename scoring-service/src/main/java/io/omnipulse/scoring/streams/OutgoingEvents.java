package io.omnipulse.scoring.streams;

import io.omnipulse.events.CloudEventHeaders;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topic;
import io.omnipulse.events.Topics;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Record;

/**
 * What scoring's records for other systems are as CloudEvents (binary mode, headers written by
 * {@link CloudEventHeaders}): the value's type, the tombstone's, and when a value happened. The
 * subject is the record key (a score's {@code scope:key:window}, an effort index's customer id); the
 * id is derived from topic, key and value ({@link CloudEventHeaders#contentId}), so that the same
 * state published again (a replay after an aborted transaction) keeps its id; a tombstone's time is
 * its record's timestamp.
 */
record OutgoingEvents<V>(Topic<String, V> topic, String type, String forgottenType, Function<V, Instant> time) {

    static final OutgoingEvents<ScoreUpdated> SCORES = new OutgoingEvents<>(Topics.SCORE_UPDATES,
            CloudEventHeaders.SCORE_UPDATED, CloudEventHeaders.SCORE_FORGOTTEN, ScoreUpdated::updatedAt);
    static final OutgoingEvents<EffortIndexUpdated> EFFORT_INDEXES = new OutgoingEvents<>(Topics.EFFORT_INDEX,
            CloudEventHeaders.EFFORT_INDEX_UPDATED, CloudEventHeaders.EFFORT_INDEX_FORGOTTEN, EffortIndexUpdated::updatedAt);

    /** {@code record} with {@code value} serialized as its value and the headers of the event it is. */
    Record<String, byte[]> publish(Record<String, ?> record, V value) {
        byte[] data = topic.valueSerde().serializer().serialize(topic.name(), record.headers(), value);
        return record.withValue(data).withHeaders(CloudEventHeaders.with(record.headers(),
                CloudEventHeaders.contentId(topic.name(), record.key(), data, record.timestamp()),
                CloudEventHeaders.SCORING, type, record.key(), time.apply(value), data));
    }

    /** {@code record} as the tombstone of its key: no value, and the headers of an event without data. */
    Record<String, byte[]> tombstone(Record<String, ?> record) {
        return record.withValue((byte[]) null).withHeaders(CloudEventHeaders.with(record.headers(),
                CloudEventHeaders.contentId(topic.name(), record.key(), null, record.timestamp()),
                CloudEventHeaders.SCORING, forgottenType, record.key(), Instant.ofEpochMilli(record.timestamp()), null));
    }
}
