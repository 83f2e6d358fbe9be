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
 * What GET /v1/erasures/{id} answers: per service, whether it has erased its part, and overall
 * {@code done} once every participating service has, with the time that took.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErasureView(String id, String customerId, Instant requestedAt, String status, Long tookMs,
        Map<String, Part> services) {

    public static final String DONE = "done";
    public static final String PENDING = "pending";

    /** One service's part: {@code done} with when and how many entries it erased, or {@code pending}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Part(String status, Instant completedAt, Long erased) {
    }

    static ErasureView of(ErasureStatus status, List<String> participants) {
        Map<String, Part> services = new LinkedHashMap<>();
        Instant last = null;
        for (String service : participants) {
            Instant completed = status.completed().get(service);
            services.put(service, completed == null ? new Part(PENDING, null, null)
                    : new Part(DONE, completed, status.erased().get(service)));
            if (completed != null && (last == null || completed.isAfter(last))) {
                last = completed;
            }
        }
        boolean done = services.values().stream().allMatch(part -> part.status().equals(DONE));
        Instant requestedAt = status.completed().getOrDefault(ErasureProgress.REQUESTED, status.requestedAt());
        Long took = done && last != null && requestedAt != null ? Duration.between(requestedAt, last).toMillis() : null;
        return new ErasureView(status.erasureId(), status.customerId(), requestedAt, done ? DONE : PENDING, took, services);
    }
}
