package io.omnipulse.alerting.rest;

import io.omnipulse.alerting.service.AlertLifecycleService;
import io.omnipulse.problem.Problem;
import io.omnipulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The closed loop's steps, by agents and leads of the alert's team (or an admin); the audit trail
 * records the token's subject as the actor. Each answers the alert as it is afterwards; an action the alert's
 * status does not allow is a 409 problem, a bad body a 400 problem naming the field.
 */
@Path("/v1/alerts/{id: \\d+}")
@RolesAllowed({Roles.AGENT, Roles.LEAD, Roles.ADMIN})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "200", description = "The alert after the step")
@APIResponse(responseCode = "400", description = "The body is invalid; the problem names the field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No bearer token, or one that is not valid",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The alert belongs to a team the caller is not in",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No alert has this id",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "The alert's status does not allow this step",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AlertActionsResource {

    static final int MAX_NAME = 200;

    private final AlertLifecycleService lifecycle;
    private final Caller caller;

    public AlertActionsResource(AlertLifecycleService lifecycle, Caller caller) {
        this.lifecycle = lifecycle;
        this.caller = caller;
    }

    /** The actor of a step on an alert the caller may act on: the token's subject (a body's actor is ignored). */
    private String actorOn(long id) {
        caller.visibleAlert(id);
        return caller.actor();
    }

    @POST
    @Path("/acknowledge")
    @Operation(summary = "Take ownership of the follow-up (open or escalated -> acknowledged)")
    public AlertView acknowledge(@PathParam("id") long id, Requests.Acknowledge body) {
        return AlertView.summary(lifecycle.acknowledge(id, actorOn(id)));
    }

    @POST
    @Path("/assign")
    @Operation(summary = "Give the follow-up to a person (any unresolved status)")
    public AlertView assign(@PathParam("id") long id, Requests.Assign body) {
        Requests.present(body);
        String actor = actorOn(id);
        String assignee = Requests.required("assignee", body.assignee(), MAX_NAME);
        return AlertView.summary(lifecycle.assign(id, actor, assignee));
    }

    @POST
    @Path("/resolve")
    @Operation(summary = "Close the loop with an outcome (contacted, recovered, unreachable, no_action) and a note")
    public AlertView resolve(@PathParam("id") long id, Requests.Resolve body) {
        Requests.present(body);
        String actor = actorOn(id);
        var outcome = Requests.outcome(body.outcome());
        String note = Requests.optional("note", body.note(), Requests.MAX_TEXT);
        return AlertView.summary(lifecycle.resolve(id, actor, outcome, note));
    }

    @POST
    @Path("/notes")
    @Operation(summary = "Add a note to the audit trail (any status)")
    public AlertView note(@PathParam("id") long id, Requests.Note body) {
        Requests.present(body);
        String actor = actorOn(id);
        String text = Requests.required("text", body.text(), Requests.MAX_TEXT);
        return AlertView.summary(lifecycle.note(id, actor, text));
    }
}
