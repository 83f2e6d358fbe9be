package io.omnipulse.console.signin;

import io.omnipulse.console.pages.Templates;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A person who reaches the console without a valid sign-in gets a page in words, not the APIs' problem
 * document: ahead of the security module's mappers, which every service shares.
 */
public class SignInPages {

    static final String NOT_SIGNED_IN = "You are not signed in. Open the console through your organisation's sign-in "
            + "(the authenticating proxy in front of it), which passes your token on.";
    static final String NOT_ACCEPTED = "Your sign-in was not accepted: the token has expired or is not for OmniPulse. "
            + "Sign in again.";
    static final String NOT_ALLOWED = "Your role does not allow this page.";

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response notSignedIn(UnauthorizedException e) {
        return page(401, NOT_SIGNED_IN);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response notAccepted(AuthenticationFailedException e) {
        return page(401, NOT_ACCEPTED);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response notAllowed(ForbiddenException e) {
        return page(403, NOT_ALLOWED);
    }

    private static Response page(int status, String reason) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.notice(reason).render()).build();
    }
}
