package io.omnipulse.ingest.source;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The vendor webhooks at {@code POST /v1/sources/{vendor}}: per vendor whether it is open and the secret its
 * requests are signed with (env e.g. {@code OMNIPULSE_INGEST_SOURCES_ZENDESK_SECRET}). Each vendor has its
 * own named entry, not a map, so that every setting has an environment variable that names it exactly.
 */
@ConfigMapping(prefix = "omnipulse.ingest.sources")
public interface SourcesConfig {

    /** How far a signed timestamp (Zendesk, Chatwoot) may lie from now before the request is refused as stale. */
    @WithDefault("5M")
    Duration signatureTolerance();

    Vendor zendesk();

    Vendor chatwoot();

    Vendor intercom();

    /** {@code amazon-connect}: SmallRye names properties in kebab case. */
    Vendor amazonConnect();

    Twilio twilio();

    /** One vendor's webhook. */
    interface Vendor {

        /** Off: the vendor's path answers 404. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The secret the vendor signs with (Zendesk's signing secret, Chatwoot's webhook secret, Intercom's
         * client secret, the token of the EventBridge connection). Without one, unsigned requests are
         * accepted and the service says so at start-up: for a local stack, never for production.
         */
        Optional<String> secret();
    }

    /** Twilio signs the URL it calls, so it must be known as Twilio sees it (behind a proxy it differs). */
    interface Twilio extends Vendor {

        /** The public URL configured in the Twilio sink, e.g. https://cx.example.com/v1/sources/twilio. */
        Optional<String> publicUrl();
    }

    default Vendor of(String vendor) {
        return switch (vendor) {
            case "zendesk" -> zendesk();
            case "chatwoot" -> chatwoot();
            case "intercom" -> intercom();
            case "amazon-connect" -> amazonConnect();
            case "twilio" -> twilio();
            default -> throw new IllegalArgumentException("no vendor " + vendor);
        };
    }
}
