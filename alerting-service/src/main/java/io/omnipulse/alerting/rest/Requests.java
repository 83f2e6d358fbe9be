package io.omnipulse.alerting.rest;

import io.omnipulse.alerting.domain.ResolutionOutcome;
import io.omnipulse.problem.InvalidRequestException;

/**
 * Bodies of the lifecycle endpoints, with validation that names the bad field. {@code actor} is read
 * and ignored: the actor is the caller's token subject; the field stays so that bodies written
 * before tokens were needed are still valid.
 */
public final class Requests {

    static final int MAX_TEXT = 4000;

    private Requests() {
    }

    /** Nothing needed; {@code {}} or no body. */
    public record Acknowledge(String actor) {
    }

    /** {@code {"assignee": "..."}} */
    public record Assign(String actor, String assignee) {
    }

    /** {@code {"outcome": "contacted", "note": "..."}} */
    public record Resolve(String actor, String outcome, String note) {
    }

    /** {@code {"text": "..."}} */
    public record Note(String actor, String text) {
    }

    static <T> T present(T body) {
        if (body == null) {
            throw InvalidRequestException.field("body", "a JSON body is required");
        }
        return body;
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.field(field, "is required");
        }
        if (value.length() > max) {
            throw InvalidRequestException.field(field, "must be at most " + max + " characters");
        }
        return value.trim();
    }

    static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : required(field, value, max);
    }

    static ResolutionOutcome outcome(String raw) {
        required("outcome", raw, 64);
        ResolutionOutcome outcome = QueryParams.enumValue("outcome", raw, ResolutionOutcome.class);
        if (!outcome.chosenByPerson()) {
            // A merged alert's triggers live on another alert; a person closing one by hand would
            // drop it from the KPIs without anyone having followed up.
            throw InvalidRequestException.field("outcome", "'" + raw + "' is set only when customers merge");
        }
        return outcome;
    }
}
