package io.omnipulse.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error of a REST endpoint into a problem document: the caller always gets JSON that
 * says what went wrong and where, never an HTML page or a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return Problem.invalid(e.getMessage(), e.errors()).at(uri.getPath()).toResponse();
    }

    /** Malformed JSON or a value of the wrong type: name the field the parser stopped at. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? JsonPaths.of(m.getPath()) : "";
        String message = rootMessage(e);
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        String detail = field.isEmpty() ? "malformed JSON: " + message : field + ": " + message;
        return Problem.invalid(detail, errors).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        Response.Status status = Response.Status.fromStatusCode(original.getStatus());
        Problem problem = status == null
                ? new Problem(java.net.URI.create("about:blank"), "HTTP " + original.getStatus(), original.getStatus(),
                        e.getMessage(), null, List.of())
                : Problem.of(status, e.getMessage());
        Response.ResponseBuilder out = Response.fromResponse(problem.at(uri.getPath()).toResponse());
        // Keep headers such as Retry-After or Allow that the original response carried.
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(v -> out.header(name, v));
            }
        });
        return out.type(Problem.MEDIA_TYPE).build();
    }

    /**
     * Anything else is {@link #unexpected}, except an answer its client stopped waiting for (it timed
     * out or went away while the answer was being written): nothing is wrong on this side, nothing
     * can reach the client any more, and under overload each such request would put a stack trace at
     * ERROR in the log.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpectedUnlessAbandoned(Exception e, UriInfo uri, HttpServerResponse response) {
        if (!response.closed()) {
            return unexpected(e, uri);
        }
        LOG.debugf("%s: the client closed the connection before the answer was written (%s)", uri.getPath(),
                rootMessage(e));
        return internalError(uri);
    }

    /** A defect: logged with its stack trace, answered 500 without its details. */
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return internalError(uri);
    }

    private static Response internalError(UriInfo uri) {
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "unexpected error; see the service log")
                .at(uri.getPath()).toResponse();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = Causes.root(e);
        String message = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
