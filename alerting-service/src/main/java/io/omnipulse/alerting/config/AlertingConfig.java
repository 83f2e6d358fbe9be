package io.omnipulse.alerting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Business settings of the alert rules and the closed loop; defaults follow shared/cx-domain.md. */
@ConfigMapping(prefix = "omnipulse.alerting")
public interface AlertingConfig {

    Nps nps();

    Ces ces();

    Csat csat();

    Effort effort();

    NpsDrop npsDrop();

    Deadlines deadlines();

    Schedule escalation();

    Outbox outbox();

    Consumers consumers();

    Context context();

    StreamLimits stream();

    Queue queue();

    /**
     * How often a scheduled job runs (read by its @Scheduled expression): a duration such as
     * {@code 30s}, or {@code off}. Escalation defaults to 30s, the outbox relay to 1s.
     */
    interface Schedule {

        java.util.Optional<String> every();
    }

    /**
     * The outbox relay. A row that fails to publish for a reason a retry cannot fix (it cannot be
     * read back or serialized, the broker refuses it) waits {@code backoff}, doubled per failure up
     * to {@code maxBackoff}, and is parked after {@code maxAttempts}, so it never holds back later
     * rows. A broker that is away counts no attempt: rows wait for it in order, none is parked.
     */
    interface Outbox extends Schedule {

        @WithDefault("5")
        int maxAttempts();

        @WithDefault("PT5S")
        Duration backoff();

        @WithDefault("PT5M")
        Duration maxBackoff();
    }

    /**
     * The incoming channels' failure policy (messaging.FailurePolicy): a transient failure
     * (database or broker unavailable) is retried on the record's worker thread after
     * {@code retryBackoff}, doubled per failure up to {@code maxRetryBackoff}, for as long as it
     * lasts; readiness is DOWN meanwhile. On shutdown, work in progress gets {@code drainTimeout} to
     * finish before the datasource and the producers close.
     */
    interface Consumers {

        @WithDefault("PT0.5S")
        Duration retryBackoff();

        @WithDefault("PT30S")
        Duration maxRetryBackoff();

        @WithDefault("PT15S")
        Duration drainTimeout();

        /**
         * Longest text accepted in any field of an input record or its key, in chars: twice ingest's
         * longest field ({@code FieldLimits.TEXT}, 20,000 for an interaction's text), so only a record
         * no service of ours wrote is refused.
         */
        @WithDefault("40000")
        int maxTextLength();
    }

    /**
     * Live screens (GET /v1/alerts/stream): open server-sent-event streams of this instance, per
     * token subject and in total; one more is refused with 429 and {@code Retry-After: retryAfter}.
     */
    interface StreamLimits {

        @WithDefault("3")
        int maxConnectionsPerSubject();

        @WithDefault("200")
        int maxConnections();

        @WithDefault("PT10S")
        Duration retryAfter();
    }

    /** The alert queue (GET /v1/alerts). */
    interface Queue {

        /**
         * How far past a page's first alert the page's total is counted exactly; more matches show
         * as "at least" that many. Bounds the count's cost on a large backlog.
         */
        @WithDefault("1000")
        int countAhead();
    }

    /** NPS detractor alerts. */
    interface Nps {

        /** Highest NPS score that counts as a detractor (promoter 9-10, passive 7-8). */
        @WithDefault("6")
        int detractorMax();

        /** Highest detractor score whose alert is CRITICAL rather than HIGH. */
        @WithDefault("3")
        int criticalMax();
    }

    /** High-effort CES answers, judged on the 0..100 ease scale of their own convention. */
    interface Ces {

        @WithDefault("50")
        double easeBelow();

        @WithDefault("20")
        double criticalEaseBelow();
    }

    /** Low-satisfaction CSAT answers (1..5). */
    interface Csat {

        @WithDefault("2")
        int lowMax();

        @WithDefault("1")
        int criticalMax();
    }

    /** Behavioural effort index (0..100) from cx.effort-index.v1. */
    interface Effort {

        /** An index strictly above this opens an alert. */
        @WithDefault("70")
        int above();

        /** Above this the alert is HIGH rather than MEDIUM. */
        @WithDefault("90")
        int highAbove();
    }

    /** Team and channel NPS drops, 7-day against 30-day, from cx.score-updates.v1. */
    interface NpsDrop {

        @WithDefault("10")
        double points();

        @WithDefault("20")
        double criticalPoints();

        /** Minimum answers in each window before a drop counts. */
        @WithDefault("30")
        long minN();

        /**
         * While a drop lasts, how often (in event time) its alert stores an observation that neither
         * raises its severity nor lowers the 7-day score it shows (OngoingDrop).
         */
        @WithDefault("PT1H")
        Duration repeatAfter();
    }

    /** Follow-up deadlines per severity, counted from when the alert was raised. */
    interface Deadlines {

        Deadline medium();

        Deadline high();

        Deadline critical();
    }

    interface Deadline {

        @WithDefault("PT1H")
        Duration acknowledge();

        @WithDefault("PT48H")
        Duration resolve();
    }

    /**
     * The customer's recent journey and identifiers (profile-service) and scores (scoring-service),
     * fetched after an alert was raised and stored with it (the identifiers fill in its contact). No
     * default host: with neither URL set, enrichment is off and the alert says so.
     */
    interface Context {

        /** Base URL of profile-service, e.g. http://profile-service:8082 (GET /v1/customers/{id}). */
        java.util.Optional<java.net.URI> profileUrl();

        /** Base URL of scoring-service, e.g. http://scoring-service:8083 (GET /v1/scores). */
        java.util.Optional<java.net.URI> scoringUrl();

        /**
         * This service's API key at profile- and scoring-service (role "service" in their key file),
         * sent as X-API-Key; env OMNIPULSE_ALERTING_CONTEXT_API_KEY, from a Secret.
         */
        java.util.Optional<String> apiKey();

        /** Connect and response timeout of each request, the whole answer included. */
        @WithDefault("PT2S")
        Duration timeout();

        /**
         * Largest answer read from either service; a larger one is cut off and fails that attempt. A
         * profile at its bounds (identifiers per type, journey size) is a few tens of kilobytes.
         */
        @WithDefault("1M")
        io.quarkus.runtime.configuration.MemorySize maxAnswerSize();

        /** Fetch attempts before the context is marked unavailable. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait after a failed attempt; doubled after every further failure. */
        @WithDefault("PT5S")
        Duration backoff();

        /** Journey entries kept with the alert, the newest. */
        @WithDefault("20")
        int journeySize();

        /** The scores window asked for (7d, 30d, 90d or all). */
        @WithDefault("30d")
        String scoresWindow();

        /** Alerts enriched per run of the worker. */
        @WithDefault("50")
        int batch();

        /** How often the worker runs (read by its @Scheduled expression). */
        @WithDefault("1s")
        String every();

        default boolean enabled() {
            return profileUrl().isPresent() || scoringUrl().isPresent();
        }
    }
}
