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
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Turns what arrives from Kafka into signals for {@link AlertWriter}: survey answers through the
 * per-event rules, effort indexes and score updates through their own rules. Every public method
 * is one transaction, so the idempotency key (the trigger row) is written atomically with the
 * alert it changes. Effort triggers get a key derived from the record (subject, updatedAt, index),
 * score-drop triggers one derived from the two windows compared (subject, updatedAt of each), so a
 * replayed record is recognised like a replayed answer. A customer id that
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

    @Inject
    EntityManager em;

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
        Optional<Signal> signal = signalFor(customerId, event);
        return signal.isEmpty() ? Outcome.IGNORED : writer.apply(signal.get());
    }

    /**
     * A polled batch of events (customer id, event), in their order, in this one transaction, with the
     * same outcomes as {@link #handle(String, ContactEvent)} one at a time. The interactions are
     * stored together (ContactLog#rememberAll), but always before the next answer that raises an
     * alert, so an alert's routing sees exactly the contacts that came before it. The alerts and
     * their rows are flushed once, at the end (AlertWriter.Batch): a later answer of the same batch
     * sees the alerts and triggers the earlier ones wrote, and the inserts go out as JDBC batches.
     */
    public List<Outcome> handleEvents(List<Map.Entry<String, ContactEvent>> events) {
        List<Outcome> outcomes = new ArrayList<>(events.size());
        List<ContactLog.Contact> pending = new ArrayList<>();
        AlertWriter.Batch batch = new AlertWriter.Batch();
        for (Map.Entry<String, ContactEvent> entry : events) {
            String customerId = entry.getKey();
            ContactEvent event = entry.getValue();
            if (event.type() == EventType.INTERACTION && customerId != null) {
                pending.add(new ContactLog.Contact(customerId, event));
                outcomes.add(Outcome.IGNORED);
                continue;
            }
            Optional<Signal> signal = signalFor(customerId, event);
            if (signal.isEmpty()) {
                outcomes.add(Outcome.IGNORED);
                continue;
            }
            contacts.rememberAll(pending);
            pending.clear();
            outcomes.add(writer.apply(signal.get(), batch));
        }
        contacts.rememberAll(pending);
        batch.writeRows();
        // Flush here so a constraint or version conflict is thrown from this call, not at commit.
        em.flush();
        return outcomes;
    }

    /** A polled batch of effort indexes, in order, in this one transaction. */
    public List<Outcome> handleEfforts(List<EffortIndexUpdated> updates) {
        List<Outcome> outcomes = new ArrayList<>(updates.size());
        for (EffortIndexUpdated update : updates) {
            outcomes.add(handle(update));
            em.clear();
        }
        return outcomes;
    }

    /** A polled batch of score updates, in order, in this one transaction. */
    public List<Outcome> handleScores(List<ScoreUpdated> updates) {
        List<Outcome> outcomes = new ArrayList<>(updates.size());
        for (ScoreUpdated update : updates) {
            outcomes.add(handle(update));
            em.clear();
        }
        return outcomes;
    }

    /** What an answer calls for (no database access): an alert signal, or nothing. */
    private Optional<Signal> signalFor(String customerId, ContactEvent event) {
        Optional<AlertDecision> decision = decide(event);
        if (decision.isEmpty()) {
            return Optional.empty();
        }
        if (customerId == null || event.source() == null || event.eventId() == null) {
            LOG.warnf("ignoring alert-worthy event %s: it names no customer or has no idempotency key",
                    event.dedupKey());
            return Optional.empty();
        }
        TriggerContext context = TriggerContext.of(event, clock.instant());
        return Optional.of(new Signal(AlertScope.CUSTOMER, customerId, decision.get(), context));
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
        Map<String, ScoreWindows.Stored> both = windows.rememberAndRead(scope, update.key(), update.window(),
                current, update.updatedAt(), WINDOW_7D, WINDOW_30D);
        ScoreWindows.Stored sevenDays = both.get(WINDOW_7D);
        ScoreWindows.Stored thirtyDays = both.get(WINDOW_30D);
        if (sevenDays == null || thirtyDays == null) {
            return Outcome.IGNORED;
        }
        Optional<AlertDecision> decision = dropRule.evaluate(sevenDays.nps(), thirtyDays.nps());
        if (decision.isEmpty()) {
            return Outcome.IGNORED;
        }
        boolean team = scope.equals("team");
        // The trigger is the pair of windows compared, not the record that happened to complete it:
        // the 7d and the 30d update travel on different partitions, so a replayed 30d update may
        // arrive after the 7d one it never saw the first time; it compares the same pair as the 7d
        // update did, finds that trigger and changes nothing.
        String eventId = scope + ":" + update.key() + ":" + WINDOW_7D + "@" + sevenDays.updatedAt() + ":"
                + WINDOW_30D + "@" + thirtyDays.updatedAt();
        Double sevenDayScore = sevenDays.nps().score();
        Integer score = sevenDayScore == null ? null : (int) Math.round(sevenDayScore);
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
