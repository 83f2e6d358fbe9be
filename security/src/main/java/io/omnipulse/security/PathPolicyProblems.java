package io.omnipulse.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.omnipulse.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The same 401 and 403 problem documents as {@link SecurityProblemMappers} for what the HTTP permission
 * policies refuse before any REST resource runs (metrics and OpenAPI for operators): without this,
 * Vert.x answers those with an empty body.
 */
@ApplicationScoped
public class PathPolicyProblems {

    /** Problem documents hold URIs, strings and numbers only: a mapper of its own needs no configuration. */
    private static final ObjectMapper JSON = new ObjectMapper();

    void install(@Observes Router router) {
        // First among the failure handlers, so that the default one does not end the response first.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        Throwable failure = context.failure();
        String path = context.normalizedPath();
        if (context.response().headWritten()) {
            context.next();
        } else if (failure instanceof AuthenticationFailedException) {
            send(context, SecurityProblemMappers.unauthenticatedProblem(path, SecurityProblemMappers.NOT_ACCEPTED));
        } else if (failure instanceof UnauthorizedException) {
            send(context, SecurityProblemMappers.unauthenticatedProblem(path, SecurityProblemMappers.REQUIRED));
        } else if (failure instanceof ForbiddenException) {
            send(context, SecurityProblemMappers.forbiddenProblem(path));
        } else {
            context.next();
        }
    }

    static void send(RoutingContext context, Problem problem) {
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serialises", e);
        }
        var response = context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            response.putHeader(HttpHeaderNames.WWW_AUTHENTICATE, SecurityProblemMappers.CHALLENGES);
        }
        response.end(body);
    }
}
