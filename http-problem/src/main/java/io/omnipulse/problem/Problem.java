package io.omnipulse.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} names each bad field, e.g. {@code customer} or
 * {@code [2].feedback.score} for the third event of a batch.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: a JSON path into the request and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.Status status, String detail) {
        return new Problem(URI.create("about:blank"), status.getReasonPhrase(), status.getStatusCode(), detail, null,
                List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(URI.create("https://omnipulse.io/problems/invalid-request"), "Invalid request",
                Response.Status.BAD_REQUEST.getStatusCode(), detail, null, List.copyOf(errors));
    }

    public Problem at(String requestPath) {
        return new Problem(type, title, status, detail, requestPath, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** The answer to a temporary refusal: the client may send the same request again after {@code retryAfterSeconds}. */
    public Response toResponse(long retryAfterSeconds) {
        return Response.status(status).type(MEDIA_TYPE).entity(this).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .build();
    }
}
