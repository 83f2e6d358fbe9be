package io.omnipulse.console.pages;

import io.omnipulse.security.Roles;
import io.omnipulse.security.TeamScope;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import java.util.Set;

/** Who is signed in, as the page header shows it; {@code teams} is empty for someone who sees every team. */
public record Person(String name, List<String> roles, List<String> teams) {

    static Person of(SecurityIdentity identity) {
        Set<String> visible = TeamScope.visibleTeams(identity);
        List<String> roles = identity.getRoles().stream().sorted().toList();
        return new Person(identity.getPrincipal().getName(), roles, visible == null ? List.of() : List.copyOf(visible));
    }

    public boolean seesEveryTeam() {
        return roles.contains(Roles.ADMIN);
    }

    /** Agents, leads and admins work alerts; analysts only read the numbers. */
    public boolean worksAlerts() {
        return roles.contains(Roles.AGENT) || roles.contains(Roles.LEAD) || roles.contains(Roles.ADMIN);
    }
}
