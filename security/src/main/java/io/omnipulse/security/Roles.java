package io.omnipulse.security;

/**
 * The roles a caller may hold: from its API key (machines) or the {@code groups} claim of its token
 * (people). Agents and leads act on their teams' alerts (the {@code teams} claim); analysts read
 * scores and trends; admins may do everything; ops read health, metrics and dead letters; services
 * are OmniPulse's own, calling one another.
 */
public final class Roles {

    public static final String INGEST = "ingest";
    public static final String AGENT = "agent";
    public static final String LEAD = "lead";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";
    public static final String OPS = "ops";
    /** Another service of OmniPulse, by its API key (alerting reading a customer's journey and scores). */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
