package io.omnipulse.streamsupport.deadletter;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * What the dead-letter handlers read from the Kafka Streams configuration. Kafka Streams creates the
 * handlers itself and hands them its configuration, so these keys live there
 * ({@code kafka-streams.omnipulse.dead-letters.*} in application.properties).
 *
 * @param service        the service named in every dead letter's headers
 * @param maxRecordBytes the largest key plus value written to the dead-letter topic; a larger failed
 *                       record is cut to this size (and says so in its error message), because a dead letter
 *                       the broker refuses would abort the task's transaction and fail the same record again
 */
public record DeadLetterSettings(String service, int maxRecordBytes) {

    public static final String SERVICE = "omnipulse.dead-letters.service";
    public static final String MAX_RECORD_BYTES = "omnipulse.dead-letters.max-record-bytes";
    /** Under the broker's default max.message.bytes (1048588), leaving room for headers. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1_000_000;

    public static DeadLetterSettings from(Map<String, ?> config) {
        Object service = config.get(SERVICE);
        if (service == null || service.toString().isBlank()) {
            throw new ConfigException(SERVICE, service, "the service name for dead-letter headers is required");
        }
        Object max = config.get(MAX_RECORD_BYTES);
        int maxBytes = max == null ? DEFAULT_MAX_RECORD_BYTES : Integer.parseInt(max.toString().trim());
        if (maxBytes <= 0) {
            throw new ConfigException(MAX_RECORD_BYTES, max, "must be positive");
        }
        return new DeadLetterSettings(service.toString().trim(), maxBytes);
    }
}
