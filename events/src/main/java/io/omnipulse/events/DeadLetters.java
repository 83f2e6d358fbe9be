package io.omnipulse.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The dead-letter contract: a record a service could not deserialize, process or produce is written
 * to {@link Topics#DEAD_LETTERS} with its original key and value bytes, untouched, and these headers.
 * The headers say where it came from and why it failed, so that an operator can list dead letters
 * and replay them onto their source topic after a fix. They never hold more than the source record:
 * the error message is cut to {@link #MAX_MESSAGE_CHARS} and carries no stack trace.
 */
public final class DeadLetters {

    public static final String SERVICE = "omnipulse.dlq.service";
    public static final String SOURCE_TOPIC = "omnipulse.dlq.source-topic";
    public static final String SOURCE_PARTITION = "omnipulse.dlq.source-partition";
    public static final String SOURCE_OFFSET = "omnipulse.dlq.source-offset";
    /** deserialize, process or produce: which step failed. */
    public static final String STAGE = "omnipulse.dlq.stage";
    public static final String ERROR_CLASS = "omnipulse.dlq.error-class";
    public static final String ERROR_MESSAGE = "omnipulse.dlq.error-message";
    public static final String FAILED_AT = "omnipulse.dlq.failed-at";

    public static final int MAX_MESSAGE_CHARS = 500;

    /** The step at which a record failed. */
    public enum Stage { DESERIALIZE, PROCESS, PRODUCE }

    /** What the headers of one dead letter say. */
    public record Origin(String service, String sourceTopic, int sourcePartition, long sourceOffset, Stage stage,
                         String errorClass, String errorMessage, Instant failedAt) {

        /** The headers that carry this origin, to add to the dead-letter record. */
        public List<Header> toHeaders() {
            List<Header> headers = new ArrayList<>();
            add(headers, SERVICE, service);
            add(headers, SOURCE_TOPIC, sourceTopic);
            add(headers, SOURCE_PARTITION, Integer.toString(sourcePartition));
            add(headers, SOURCE_OFFSET, Long.toString(sourceOffset));
            add(headers, STAGE, stage.name().toLowerCase(java.util.Locale.ROOT));
            add(headers, ERROR_CLASS, errorClass);
            add(headers, ERROR_MESSAGE, errorMessage);
            add(headers, FAILED_AT, failedAt.toString());
            return headers;
        }

        /** Reads the origin back from a dead letter's headers; empty if it is not one of ours. */
        public static Optional<Origin> from(Headers headers) {
            String service = text(headers, SERVICE);
            String topic = text(headers, SOURCE_TOPIC);
            if (service == null || topic == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Origin(service, topic,
                        Integer.parseInt(text(headers, SOURCE_PARTITION)),
                        Long.parseLong(text(headers, SOURCE_OFFSET)),
                        Stage.valueOf(text(headers, STAGE).toUpperCase(java.util.Locale.ROOT)),
                        text(headers, ERROR_CLASS), text(headers, ERROR_MESSAGE),
                        Instant.parse(text(headers, FAILED_AT))));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        }
    }

    private DeadLetters() {
    }

    /** The origin of a record that failed with {@code error}; the message is bounded and single-line. */
    public static Origin origin(String service, String sourceTopic, int partition, long offset, Stage stage,
                                Throwable error, Instant failedAt) {
        return new Origin(service, sourceTopic, partition, offset, stage, error.getClass().getName(),
                boundedMessage(error), failedAt);
    }

    static String boundedMessage(Throwable error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        message = message.replaceAll("[\\p{Cntrl}\\p{Cs}]+", " ");
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "...";
    }

    private static void add(List<Header> headers, String name, String value) {
        headers.add(new RecordHeader(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
