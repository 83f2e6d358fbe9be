package io.omnipulse.alerting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnipulse.alerting.domain.ContextStatus;
import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.alerting.persistence.ContextSnapshot;
import java.time.Instant;

/** Where the customer's journey and scores of an alert stand, in words a person can act on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextView(ContextStatus status, String note, int attempts, Instant fetchedAt, String error) {

    static ContextView of(Alert alert, ContextSnapshot snapshot) {
        return new ContextView(alert.contextStatus, note(alert.contextStatus), alert.contextAttempts,
                snapshot == null ? null : snapshot.fetchedAt(), snapshot == null ? null : snapshot.lastError());
    }

    private static String note(ContextStatus status) {
        return switch (status) {
            case NONE -> "not a customer alert: no customer journey applies";
            case DISABLED -> "context enrichment is off (omnipulse.alerting.context.profile-url and scoring-url are not set)";
            case PENDING -> "customer journey and scores are being fetched";
            case FETCHED -> "customer journey and scores attached";
            case UNAVAILABLE -> "customer context unavailable: profile-service or scoring-service did not answer in time";
            case ERASED -> "the customer was erased: their journey and scores are gone";
        };
    }
}
