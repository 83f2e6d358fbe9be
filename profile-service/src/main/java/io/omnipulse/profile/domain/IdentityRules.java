package io.omnipulse.profile.domain;

import io.omnipulse.events.CustomerKeys;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configurable guards of identity resolution.
 *
 * @param defaultRegion             ISO 3166 region (e.g. "GB") of phone numbers written without a calling code;
 *                                  must be the region ingest-service keys records with (checked against
 *                                  libphonenumber by {@link IdentifierNormaliser}, which reads the numbers)
 * @param junkValues                values that identify nobody (compared lower-cased, also as an e-mail's local part)
 * @param junkEmailPrefixes         local-part prefixes of shared senders, e.g. "noreply"
 * @param maxCustomersPerIdentifier an identifier seen with more distinct customers than this links nobody
 * @param maxLinksPerIdentifier     co-identifiers remembered per identifier; more also marks it shared
 */
public record IdentityRules(String defaultRegion, Set<String> junkValues, List<String> junkEmailPrefixes,
        int maxCustomersPerIdentifier, int maxLinksPerIdentifier) {

    public static final IdentityRules DEFAULTS = new IdentityRules(CustomerKeys.DEFAULT_REGION,
            Set.of("null", "nil", "none", "anonymous", "unknown", "undefined", "n/a", "-"),
            List.of("noreply", "no-reply", "donotreply", "do-not-reply"), 5, 50);

    public IdentityRules {
        defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion").strip().toUpperCase(Locale.ROOT);
        junkValues = junkValues.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        junkEmailPrefixes = junkEmailPrefixes.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toList();
        if (maxCustomersPerIdentifier < 1 || maxLinksPerIdentifier < 1) {
            throw new IllegalArgumentException("identity limits must be at least 1: " + this);
        }
    }

    public IdentityRules withMaxCustomersPerIdentifier(int max) {
        return new IdentityRules(defaultRegion, junkValues, junkEmailPrefixes, max, maxLinksPerIdentifier);
    }
}
