package io.omnipulse.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents 1.0 context of the records OmniPulse publishes for other systems
 * ({@link Topics#ALERT_EVENTS}, {@link Topics#SCORE_UPDATES}, {@link Topics#EFFORT_INDEX}), in the
 * Kafka protocol binding's binary mode: {@code ce_specversion}, {@code ce_id}, {@code ce_source},
 * {@code ce_type}, {@code ce_time}, {@code ce_subject} and {@code content-type: application/json}
 * headers beside a value that stays the JSON it always was, so that readers of the plain JSON go on
 * as before and any CloudEvents SDK reads the same record as an event. The headers are written by
 * the SDK's own serializer, so they are what its deserializer reads back.
 */
public final class CloudEventHeaders {

    /** Where alert events come from. */
    public static final URI ALERTING = URI.create("/omnipulse/alerting-service");
    /** Where score updates and effort indexes come from. */
    public static final URI SCORING = URI.create("/omnipulse/scoring-service");

    /** A scope's scores in one window changed; data: {@link ScoreUpdated}, subject: the record key. */
    public static final String SCORE_UPDATED = "io.omnipulse.score.updated.v1";
    /** An erased customer's window left the compacted topic: a tombstone, no data; subject: the record key. */
    public static final String SCORE_FORGOTTEN = "io.omnipulse.score.forgotten.v1";
    /** A customer's effort index changed; data: {@link EffortIndexUpdated}, subject: the customer id. */
    public static final String EFFORT_INDEX_UPDATED = "io.omnipulse.effort-index.updated.v1";
    /** An erased customer's effort index left the compacted topic: a tombstone, no data. */
    public static final String EFFORT_INDEX_FORGOTTEN = "io.omnipulse.effort-index.forgotten.v1";

    /** The content type of every value with data. */
    public static final String JSON = "application/json";

    /** The wire names of the alert event kinds ("raised", ...), from the one place Jackson reads them. */
    private static final Map<Class<?>, String> ALERT_KINDS = Arrays.stream(
            AlertEvent.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

    /** Binary mode is the serializer's default; the topic argument is unused. */
    private static final CloudEventSerializer SERIALIZER = new CloudEventSerializer();

    private CloudEventHeaders() {
    }

    /** {@code io.omnipulse.alert.<kind>.v1}, kind as the value's {@code "type"}: raised, acknowledged, ... */
    public static String alertType(AlertEvent event) {
        return "io.omnipulse.alert." + ALERT_KINDS.get(event.getClass()) + ".v1";
    }

    /**
     * {@code existing} without any CloudEvents header it had (Kafka Streams hands an input record's
     * headers on to what it forwards), plus those of the event {@code id} of {@code type} from
     * {@code source} about {@code subject} at {@code time}, with {@code data} as its JSON value; a
     * null {@code data} is a tombstone: an event without data, hence without content-type. Returns
     * new headers; {@code existing} is left as it is.
     */
    public static Headers with(Headers existing, String id, URI source, String type, String subject, Instant time,
            byte[] data) {
        Headers headers = new RecordHeaders();
        for (Header header : existing) {
            if (!isCloudEventsHeader(header.key())) {
                headers.add(header);
            }
        }
        CloudEventBuilder event = CloudEventBuilder.v1().withId(id).withSource(source).withType(type)
                .withSubject(subject).withTime(time.atOffset(ZoneOffset.UTC));
        if (data != null) {
            event.withData(JSON, data);
        }
        CloudEvent built = event.build();
        SERIALIZER.serialize(null, headers, built);
        return headers;
    }

    /**
     * An id that is the same whenever the same thing is published again, for records that have no id
     * of their own: 128 bits of SHA-256 over the topic, the record key and the value (for a
     * tombstone, its timestamp instead), in hex. A state recomputed after an aborted exactly-once
     * transaction, or published again by a later flush, gets the id it had: readers may deduplicate
     * on {@code source} and {@code id}, as the spec intends.
     */
    public static String contentId(String topic, String key, byte[] value, long tombstoneTimestamp) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(topic.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(value != null ? value : Long.toString(tombstoneTimestamp).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static boolean isCloudEventsHeader(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.startsWith("ce_") || lower.equals("content-type");
    }
}
