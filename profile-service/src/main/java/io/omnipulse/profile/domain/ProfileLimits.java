package io.omnipulse.profile.domain;

/**
 * The bounds that keep one profile's size constant however long the customer's history is.
 *
 * @param identifiersPerType values kept per identifier type (crm, email, ...)
 * @param journeySize        journey entries kept, newest by event time
 * @param recentEventKeys    dedup keys remembered to ignore a redelivered event
 * @param conversations      conversation ids remembered, most recent last
 * @param merges             merges into the customer remembered, most recent last
 */
public record ProfileLimits(int identifiersPerType, int journeySize, int recentEventKeys, int conversations,
        int merges) {

    public static final int DEFAULT_MERGES = 20;
    public static final ProfileLimits DEFAULTS = new ProfileLimits(10, 20, 200, 50, DEFAULT_MERGES);

    public ProfileLimits {
        if (identifiersPerType < 1 || journeySize < 1 || recentEventKeys < 1 || conversations < 1 || merges < 1) {
            throw new IllegalArgumentException("every profile limit must be at least 1: " + this);
        }
    }

    public ProfileLimits(int identifiersPerType, int journeySize, int recentEventKeys, int conversations) {
        this(identifiersPerType, journeySize, recentEventKeys, conversations, DEFAULT_MERGES);
    }
}
