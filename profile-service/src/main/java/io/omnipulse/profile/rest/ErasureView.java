package io.omnipulse.profile.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnipulse.events.ErasureProgress;
import io.omnipulse.profile.domain.ErasureStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What GET /v1/erasures/{id} answers: per service, whether it has erased its part; the raw topics'
 * part, done once their retention has passed since the request (their copies are then unreadable);
 * and overall {@code done} once every part is, with the time that took.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErasureView(String id, String customerId, Instant requestedAt, String status, Long tookMs,
        Map<String, Part> services) {

    public static final String DONE = "done";
    public static final String PENDING = "pending";
    /** The part of the topics that keep records for a time and are not rewritten. */
    public static final String RAW_TOPICS = "raw-topics";

    /**
     * One part: {@code done} with when and how many entries it erased, or {@code pending}; for the raw
     * topics, until when their copies stay readable.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Part(String status, Instant completedAt, Long erased, Instant readableUntil) {
    }

    static ErasureView of(ErasureStatus status, List<String> participants, Duration rawRetention, Instant now) {
        Map<String, Part> services = new LinkedHashMap<>();
        Instant last = null;
        for (String service : participants) {
            Instant completed = status.completed().get(service);
            services.put(service, completed == null ? new Part(PENDING, null, null, null)
                    : new Part(DONE, completed, status.erased().get(service), null));
            if (completed != null && (last == null || completed.isAfter(last))) {
                last = completed;
            }
        }
        Instant requestedAt = status.completed().getOrDefault(ErasureProgress.REQUESTED, status.requestedAt());
        if (requestedAt != null) {
            Instant until = requestedAt.plus(rawRetention);
            boolean gone = !now.isBefore(until);
            services.put(RAW_TOPICS, new Part(gone ? DONE : PENDING, gone ? until : null, null, until));
            if (gone && (last == null || until.isAfter(last))) {
                last = until;
            }
        }
        boolean done = services.values().stream().allMatch(part -> part.status().equals(DONE));
        Long took = done && last != null && requestedAt != null ? Duration.between(requestedAt, last).toMillis() : null;
        return new ErasureView(status.erasureId(), status.customerId(), requestedAt, done ? DONE : PENDING, took, services);
    }
}
