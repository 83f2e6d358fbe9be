package io.omnipulse.profile.config;

import io.omnipulse.events.CustomerKeys;
import io.omnipulse.profile.domain.IdentityRules;
import io.omnipulse.profile.domain.ProfileLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.eclipse.microprofile.config.spi.Converter;

/** Business settings of profile-service ({@code omnipulse.profile.*}). */
@ConfigMapping(prefix = "omnipulse.profile")
public interface ProfileConfig {

    /** Values kept per identifier type in a profile; further values of that type are ignored and audited. */
    @WithDefault("10")
    int identifiersPerType();

    /** Journey entries kept per customer, the latest by event time. */
    @WithDefault("20")
    int journeySize();

    /** Dedup keys remembered per customer; a redelivery older than that is counted again. */
    @WithDefault("200")
    int recentEventKeys();

    /** Conversation ids remembered per customer. */
    @WithDefault("50")
    int conversations();

    /** Merges into a customer remembered for GET /v1/customers/{id}/merges. */
    @WithDefault("20")
    int merges();

    /** How long to wait for the instance that owns a key when forwarding a query to it. */
    @WithDefault("2s")
    Duration forwardTimeout();

    /** How identifiers are read ({@code omnipulse.profile.identity.*}). */
    Identity identity();

    /** Values that identify nobody, compared lower-cased (also as an e-mail's local part). */
    @WithDefault("null,nil,none,anonymous,unknown,undefined,n/a,-")
    List<String> junkValues();

    /** E-mail local-part prefixes of shared senders. */
    @WithDefault("noreply,no-reply,donotreply,do-not-reply")
    List<String> junkEmailPrefixes();

    /** An identifier seen with more distinct (stronger-identified) customers than this links nobody. */
    @WithDefault("5")
    int maxCustomersPerIdentifier();

    /** Co-identifiers remembered per identifier; beyond that it is treated as shared. */
    @WithDefault("50")
    int maxLinksPerIdentifier();

    /**
     * How long a resolved event's key is remembered, so that a re-send (same source and eventId) is
     * dropped rather than published again, possibly under another customer after a merge.
     */
    @WithDefault("30D")
    Duration replayRetention();

    /**
     * The services that erase a customer's data: an erasure is done once each has said so on
     * cx.erasure-progress.v1 (GET /v1/erasures/{id}).
     */
    @WithDefault("profile-service,scoring-service,alerting-service")
    List<String> erasureParticipants();

    /**
     * How long the raw topics keep a record (deploy/topics.sh: 30 days on every topic that carries
     * identifiers or words): an erased customer's copies there are unreadable after this, which the
     * erasure's status shows as its "raw-topics" part. Set it to the topics' retention.ms.
     */
    @WithDefault("30D")
    Duration erasureRawRetention();

    /**
     * The suppression list: false (default), an event carrying an erased identifier that was ingested
     * after the erasure is a new contact and starts a new profile; true, it is dropped, for good (the
     * customer asked never to be processed again). Copies ingested before the erasure are dropped
     * either way.
     */
    @WithDefault("false")
    boolean erasureSuppressIdentifiers();

    default ProfileLimits limits() {
        return new ProfileLimits(identifiersPerType(), journeySize(), recentEventKeys(), conversations(), merges());
    }

    default IdentityRules identityRules() {
        return new IdentityRules(identity().defaultRegion(), new HashSet<>(junkValues()), junkEmailPrefixes(),
                maxCustomersPerIdentifier(), maxLinksPerIdentifier());
    }

    interface Identity {

        /**
         * ISO 3166 region of phone numbers written without a calling code. Must equal ingest-service's
         * omnipulse.ingest.default-region, or a national number is keyed one way and matched another.
         * An unknown code stops start-up.
         */
        @WithDefault(CustomerKeys.DEFAULT_REGION)
        @WithConverter(RegionConverter.class)
        String defaultRegion();
    }

    /** Fails config loading, and so start-up, naming the property, when libphonenumber does not know the region. */
    final class RegionConverter implements Converter<String> {

        @Override
        public String convert(String value) {
            return CustomerKeys.region(value);
        }
    }
}
