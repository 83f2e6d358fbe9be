package io.omnipulse.alerting.service;

import io.omnipulse.alerting.domain.AlertDecision;
import io.omnipulse.alerting.domain.AlertRule;
import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.domain.BehaviouralEffortRule;
import io.omnipulse.alerting.domain.NpsDropRule;
import io.omnipulse.alerting.domain.NpsWindow;
import io.omnipulse.alerting.persistence.ContactLog;
import io.omnipulse.alerting.persistence.ScoreWindows;
import io.omnipulse.alerting.persistence.TriggerContext;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.EventType;
import io.omnipulse.events.ScoreUpdated;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Turns what arrives from Kafka into signals for {@link AlertWriter}: survey answers through the
 * per-event rules, effort indexes and score updates through their own rules. Every public method
 * is one transaction, so the idempotency key (the trigger row) is written atomically with the
 * alert it changes. Score and effort triggers get a key derived from the record (subject, window,
 * updatedAt), so a replayed record is recognised like a replayed answer. A customer id that
 * identity resolution merged away is written under its survivor (see CustomerMergeService).
 */
@ApplicationScoped
@Transactional
public class AlertService {

    static final String EFFORT_SOURCE = "effort-index";
    static final String SCORE_SOURCE = "score-updates";
    static final String WINDOW_7D = "7d";
    static final String WINDOW_30D = "30d";
    private static final Set<String> DROP_SCOPES = Set.of("team", "channel");

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    @Inject
    @All
    List<AlertRule> rules;

    @Inject
    BehaviouralEffortRule effortRule;

    @Inject
    NpsDropRule dropRule;

    @Inject
    AlertWriter writer;

    @Inject
    ContactLog contacts;

    @Inject
    ScoreWindows windows;

    @Inject
    Clock clock;

    /**
     * An interaction of {@code customerId} (its resolved id) is remembered (context and routing); an
     * answer goes through the rules. A
     * unique-key violation (a concurrent writer stored the same event or opened the same alert
     * first) surfaces from the flush and rolls this transaction back; the caller decides whether to retry.
     */
    public Outcome handle(String customerId, ContactEvent event) {
        if (event.type() == EventType.INTERACTION && customerId != null) {
            contacts.remember(customerId, event);
            return Outcome.IGNORED;
        }
        Optional<AlertDecision> decision = decide(event);
        if (decision.isEmpty()) {
            return Outcome.IGNORED;
        }
        if (customerId == null || event.source() == null || event.eventId() == null) {
            LOG.warnf("ignoring alert-worthy event %s: it names no customer or has no idempotency key",
                    event.dedupKey());
            return Outcome.IGNORED;
        }
        TriggerContext context = TriggerContext.of(event, clock.instant());
        return writer.apply(new Signal(AlertScope.CUSTOMER, customerId, decision.get(), context));
    }

    public Outcome handle(EffortIndexUpdated update) {
        Optional<AlertDecision> decision = effortRule.evaluate(update);
        if (decision.isEmpty()) {
            return Outcome.IGNORED;
        }
        Instant at = update.updatedAt() != null ? update.updatedAt() : clock.instant();
        String eventId = update.customerId() + "@" + at + "#" + update.index();
        TriggerContext context = TriggerContext.derived(EFFORT_SOURCE, eventId, at, null, null, update.index(),
                decision.get().reason());
        return writer.apply(new Signal(AlertScope.CUSTOMER, update.customerId(), decision.get(), context));
    }

    /** Remembers a team's or channel's 7d/30d NPS and compares the two windows. */
    public Outcome handle(ScoreUpdated update) {
        if (update == null || update.nps() == null || update.scope() == null || update.key() == null
                || update.updatedAt() == null || !DROP_SCOPES.contains(update.scope().toLowerCase(Locale.ROOT))
                || !(WINDOW_7D.equals(update.window()) || WINDOW_30D.equals(update.window()))) {
            return Outcome.IGNORED;
        }
        String scope = update.scope().toLowerCase(Locale.ROOT);
        NpsWindow current = new NpsWindow(update.nps().n(), update.nps().score());
        windows.remember(scope, update.key(), update.window(), current, update.updatedAt());
        Optional<NpsWindow> seven = windows.find(scope, update.key(), WINDOW_7D);
        Optional<NpsWindow> thirty = windows.find(scope, update.key(), WINDOW_30D);
        if (seven.isEmpty() || thirty.isEmpty()) {
            return Outcome.IGNORED;
        }
        Optional<AlertDecision> decision = dropRule.evaluate(seven.get(), thirty.get());
        if (decision.isEmpty()) {
            return Outcome.IGNORED;
        }
        boolean team = scope.equals("team");
        String eventId = scope + ":" + update.key() + ":" + update.window() + "@" + update.updatedAt();
        Integer score = seven.get().score() == null ? null : (int) Math.round(seven.get().score());
        TriggerContext context = TriggerContext.derived(SCORE_SOURCE, eventId, update.updatedAt(),
                team ? null : update.key(), team ? update.key() : null, score, decision.get().reason());
        return writer.apply(new Signal(team ? AlertScope.TEAM : AlertScope.CHANNEL, update.key(), decision.get(),
                context));
    }

    private Optional<AlertDecision> decide(ContactEvent event) {
        // Each event carries one answer, so at most one rule can fire; the first verdict wins.
        return rules.stream().map(rule -> rule.evaluate(event)).flatMap(Optional::stream).findFirst();
    }
}
