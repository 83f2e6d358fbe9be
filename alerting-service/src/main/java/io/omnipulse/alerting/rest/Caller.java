package io.omnipulse.alerting.rest;

import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.alerting.service.AlertQueries;
import io.omnipulse.security.Roles;
import io.omnipulse.security.TeamScope;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from their bearer token: the subject that the audit trail records as the actor,
 * and the teams whose alerts they may see and act on (the {@code teams} claim; an admin sees all).
 * An alert of no team is every agent's and lead's: nobody else would follow it up.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final AlertQueries queries;

    public Caller(SecurityIdentity identity, AlertQueries queries) {
        this.identity = identity;
        this.queries = queries;
    }

    /** The actor of an action: the token's subject, never a field of the request. */
    public String actor() {
        return identity.getPrincipal().getName();
    }

    /** When the caller's bearer token expires (its {@code exp}); empty for a credential without expiry. */
    public Optional<Instant> credentialExpiry() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            return Optional.of(Instant.ofEpochSecond(token.getExpirationTime()));
        }
        return Optional.empty();
    }

    /** The teams the caller may see; null for an admin (every team). */
    public Set<String> visibleTeams() {
        return TeamScope.visibleTeams(identity);
    }

    /** Whether the caller may read one team's closed-loop KPIs: analysts and admins any, agents and leads their own. */
    public boolean mayReadNumbersOf(String team) {
        return identity.hasRole(Roles.ANALYST) || TeamScope.sees(visibleTeams(), List.of(team));
    }

    /** The alert, when the caller may see it: 404 when there is none, 403 when it is another team's. */
    public Alert visibleAlert(long id) {
        Alert alert = queries.find(id).orElseThrow(() -> noAlert(id));
        requireVisible(alert);
        return alert;
    }

    /** The alert's detail (AlertQueries#detailOf), when the caller may see the alert: 404 or 403 as above. */
    public AlertQueries.Detail visibleDetail(long id, int entries) {
        AlertQueries.Detail detail = queries.detailOf(id, entries).orElseThrow(() -> noAlert(id));
        requireVisible(detail.alert());
        return detail;
    }

    private void requireVisible(Alert alert) {
        if (!TeamScope.sees(visibleTeams(), Collections.singletonList(alert.team))) {
            throw new ForbiddenException("alert " + alert.id + " belongs to a team this caller is not in");
        }
    }

    private static NotFoundException noAlert(long id) {
        return new NotFoundException("no alert with id " + id);
    }
}
