package io.omnipulse.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The teams whose customers and alerts a caller may see: the {@code teams} claim of a person's bearer
 * token; every team for an admin and for this system's own services (an API key of role service).
 * What has no team is every agent's and lead's: nobody else would follow it up.
 */
public final class TeamScope {

    /** The token claim that lists a person's teams. */
    public static final String TEAMS_CLAIM = "teams";

    private TeamScope() {
    }

    /** The caller's teams; null when the caller sees every team. */
    public static Set<String> visibleTeams(SecurityIdentity identity) {
        if (identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.SERVICE)) {
            return null;
        }
        Set<String> teams = new LinkedHashSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(TEAMS_CLAIM);
            if (claim instanceof JsonArray array) {
                array.forEach(value -> {
                    if (value instanceof JsonString text) {
                        teams.add(text.getString());
                    }
                });
            } else if (claim instanceof Collection<?> values) {
                values.forEach(value -> teams.add(String.valueOf(value)));
            } else if (claim instanceof String single) {
                teams.add(single);
            }
        }
        return teams;
    }

    /**
     * Whether a caller who sees {@code visibleTeams} (null: all) may see something of {@code teams}: one
     * of them is the caller's, or it has none.
     */
    public static boolean sees(Set<String> visibleTeams, Collection<String> teams) {
        if (visibleTeams == null) {
            return true;
        }
        boolean anyTeam = false;
        for (String team : teams) {
            if (team != null) {
                anyTeam = true;
                if (visibleTeams.contains(team)) {
                    return true;
                }
            }
        }
        return !anyTeam;
    }
}
