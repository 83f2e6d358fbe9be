package io.omnipulse.console.pages;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A page of words alone, with its status: what the person asked for cannot be shown, and why. */
final class Notice {

    private Notice() {
    }

    static Response page(int status, String words) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.notice(words).render()).build();
    }
}
