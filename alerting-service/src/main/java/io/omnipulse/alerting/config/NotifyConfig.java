package io.omnipulse.alerting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where alert notifications go and how hard delivery tries. Nothing is sent unless configured. */
@ConfigMapping(prefix = "omnipulse.alerting.notify")
public interface NotifyConfig {

    Webhook webhook();

    Mail mail();

    /** How often the dispatcher looks for due deliveries (read by its @Scheduled expression). */
    @WithDefault("2s")
    String every();

    /** Delivery attempts per notification before it is given up (logged as FAILED). */
    @WithDefault("6")
    int maxAttempts();

    /** Wait before the first retry; doubled after every further failure. */
    @WithDefault("PT10S")
    Duration backoff();

    @WithDefault("PT10M")
    Duration maxBackoff();

    /** Standard Webhooks receivers of every alert event. */
    interface Webhook {

        Optional<List<String>> urls();

        /** The signing secret, base64, optionally prefixed {@code whsec_}. Required with urls. */
        Optional<String> secret();

        @WithDefault("PT5S")
        Duration timeout();
    }

    /** E-mail for raised and escalated alerts, through quarkus-mailer (quarkus.mailer.*). */
    interface Mail {

        Optional<List<String>> to();
    }
}
