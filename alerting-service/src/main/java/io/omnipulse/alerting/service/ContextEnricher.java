package io.omnipulse.alerting.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.alerting.config.AlertingConfig;
import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.domain.ContextProgress;
import io.omnipulse.alerting.domain.ContextStatus;
import io.omnipulse.alerting.persistence.AlertContextStore;
import io.omnipulse.alerting.persistence.ContextClaim;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.omnipulse.alerting.lifecycle.Drained;
import io.omnipulse.alerting.lifecycle.IntakeBacklog;
import io.omnipulse.alerting.lifecycle.OutageTolerant;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Attaches the customer's recent journey and scores to alerts after they were committed, and fills
 * in what the alert's contact lacks from the identifiers of the customer's profile: a scheduled
 * worker claims alerts whose context is due, asks both services at once (outside any transaction),
 * and stores what came back. A part that fails is retried with backoff until the
 * attempts run out; then the alert says its context is unavailable. Nothing here can delay, fail
 * or roll back the creation of an alert.
 */
@ApplicationScoped
public class ContextEnricher {

    private static final Logger LOG = Logger.getLogger(ContextEnricher.class);

    private final AlertingConfig.Context config;
    private final ContextProgress progress;
    private final ContextClient client;
    private final AlertContextStore store;
    private final Clock clock;
    private final Counter fetched;
    private final Counter unavailable;
    private final IntakeBacklog backlog;

    public ContextEnricher(AlertingConfig config, ContextClient client, AlertContextStore store, Clock clock,
            MeterRegistry registry, IntakeBacklog backlog) {
        this.config = config.context();
        this.backlog = backlog;
        this.progress = new ContextProgress(this.config.maxAttempts(), this.config.backoff());
        this.client = client;
        this.store = store;
        this.clock = clock;
        this.fetched = Counter.builder("omnipulse.alerting.context.fetched")
                .description("Alerts whose customer journey and scores were attached").register(registry);
        this.unavailable = Counter.builder("omnipulse.alerting.context.unavailable")
                .description("Alerts whose customer context could not be fetched within the attempts").register(registry);
    }

    /** The status a new alert starts with: customer alerts wait for enrichment, when it is on. */
    public ContextStatus initialStatus(AlertScope scope) {
        return initialStatus(scope, config.enabled());
    }

    static ContextStatus initialStatus(AlertScope scope, boolean enabled) {
        if (scope != AlertScope.CUSTOMER) {
            return ContextStatus.NONE;
        }
        return enabled ? ContextStatus.PENDING : ContextStatus.DISABLED;
    }

    @Drained
    @OutageTolerant
    @Scheduled(identity = "enrich-alert-context", every = "${omnipulse.alerting.context.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        if (!config.enabled()) {
            return;
        }
        backlog.drain(this::enrichDue, config.batch());
    }

    /** Enriches one batch of due alerts; returns how many were attempted. */
    public int enrichDue() {
        Instant now = clock.instant();
        // The lease outlives both requests, so a crash mid-fetch only delays the next attempt.
        Instant lease = now.plus(config.timeout().multipliedBy(3));
        List<ContextClaim> claims = QuarkusTransaction.requiringNew()
                .call(() -> store.claimDue(now, lease, config.batch()));
        if (claims.isEmpty()) {
            return 0;
        }
        List<Attempt> attempts = new ArrayList<>(claims.size());
        for (ContextClaim claim : claims) {
            attempts.add(new Attempt(claim,
                    claim.hasProfile() ? Optional.empty() : client.profile(claim.customerId()),
                    claim.hasScores() ? Optional.empty() : client.scores(claim.customerId())));
        }
        // Every answer is awaited before the transaction opens: no connection is held while waiting.
        List<Fetched> results = attempts.stream().map(ContextEnricher::await).toList();
        Instant done = clock.instant();
        List<AlertContextStore.Outcome> outcomes = results.stream().map(r -> outcome(r, done)).toList();
        QuarkusTransaction.requiringNew().run(() -> store.saveAll(outcomes, done));
        outcomes.forEach(this::count);
        return claims.size();
    }

    private static Fetched await(Attempt attempt) {
        List<String> errors = new ArrayList<>(2);
        ProfileAnswer profile = outcome(attempt.profile(), "profile", errors);
        String scores = outcome(attempt.scores(), "scores", errors);
        int missing = (attempt.profile().isPresent() && profile == null ? 1 : 0)
                + (attempt.scores().isPresent() && scores == null ? 1 : 0);
        return new Fetched(attempt.claim(), profile, scores, missing, errors.isEmpty() ? null : String.join("; ", errors));
    }

    private AlertContextStore.Outcome outcome(Fetched result, Instant now) {
        ContextClaim claim = result.claim();
        ContextProgress.Step step = progress.after(claim.attempts(), result.missing(), now);
        ProfileAnswer profile = result.profile();
        return new AlertContextStore.Outcome(claim.alertId(), profile == null ? null : profile.journeyJson(),
                result.scores(), profile == null ? null : profile.contact(), result.error(), step.status(),
                step.attempts(), step.nextAt());
    }

    /** Counted after the batch was stored: a batch whose transaction failed is claimed and counted again. */
    private void count(AlertContextStore.Outcome outcome) {
        if (outcome.status() == ContextStatus.FETCHED) {
            fetched.increment();
        } else if (outcome.status() == ContextStatus.UNAVAILABLE) {
            unavailable.increment();
            LOG.warnf("customer context of alert %d unavailable after %d attempts: %s", outcome.alertId(),
                    outcome.attempts(), outcome.error());
        }
    }

    /** The part's answer, or null with the reason added to {@code errors}; an absent part is not asked for. */
    private static <T> T outcome(Optional<CompletableFuture<T>> part, String name, List<String> errors) {
        if (part.isEmpty()) {
            return null;
        }
        try {
            return part.get().join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String why = cause instanceof HttpTimeoutException ? "timed out"
                    : cause instanceof ContextClient.ContextException ? cause.getMessage()
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            errors.add(name + ": " + why);
            return null;
        }
    }

    private record Fetched(ContextClaim claim, ProfileAnswer profile, String scores, int missing, String error) {
    }

    private record Attempt(ContextClaim claim, Optional<CompletableFuture<ProfileAnswer>> profile,
            Optional<CompletableFuture<String>> scores) {
    }
}
