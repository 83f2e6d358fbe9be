package io.omnipulse.alerting.service;

import io.omnipulse.alerting.domain.AlertDecision;
import io.omnipulse.alerting.domain.AlertRule;
import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.domain.BehaviouralEffortRule;
import io.omnipulse.alerting.domain.Erasure;
import io.omnipulse.alerting.domain.NpsDropRule;
import io.omnipulse.alerting.domain.NpsWindow;
import io.omnipulse.alerting.persistence.ContactLog;
import io.omnipulse.alerting.persistence.CustomerMergeLog;
import io.omnipulse.alerting.persistence.ErasureLog;
import io.omnipulse.alerting.persistence.ScoreWindows;
import io.omnipulse.alerting.persistence.TriggerContext;
import io.omnipulse.alerting.persistence.WriteLookup;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 * identity resolution merged away is written under its survivor (see CustomerMergeService). What a
 * customer sent before they were erased and that arrives only now (in flight, a replay) is left out
 * (outcome ERASED, see ErasureService); what they send afterwards is a new contact.
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
    WriteLookup lookup;

    @Inject
    ErasureLog erasureLog;

    @Inject
    CustomerMergeLog merges;

    @Inject
    Clock clock;

    /**
     * An interaction of {@code customerId} (its resolved id) is remembered (context and routing); an
     * answer goes through the rules. A
     * unique-key violation (a concurrent writer stored the same event or opened the same alert
     * first) surfaces from the flush and rolls this transaction back; the caller decides whether to retry.
     */
    public Outcome handle(String customerId, ContactEvent event) {
        if (customerId != null && erased(erasures(List.of(customerId)), customerId, event)) {
            return Outcome.ERASED;
        }
        if (event.type() == EventType.INTERACTION && customerId != null) {
            contacts.remember(customerId, event);
            return Outcome.IGNORED;
        }
        Optional<Signal> signal = signalFor(customerId, event);
        return signal.isEmpty() ? Outcome.IGNORED : writer.apply(signal.get());
    }

    /**
     * A polled batch of events (customer id, event), in their order, in this one transaction, with the
     * same outcomes as {@link #handle(String, ContactEvent)} one at a time. The batch is handled in as
     * few rounds as possible (LookupRounds; usually one): a round stores its interactions in one JDBC
     * batch (ContactLog#rememberAll), then looks up everything its alert signals need in one query
     * (AlertWriter#lookUp); the rounds are cut so that an alert's routing still sees exactly the
     * contacts that came before it. The alerts and their rows are flushed once, at the end
     * (AlertWriter.Batch): a later answer of the same batch sees the alerts and triggers the earlier
     * ones wrote, and the inserts go out as JDBC batches.
     */
    public List<Outcome> handleEvents(List<Map.Entry<String, ContactEvent>> events) {
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(events.size(), Outcome.IGNORED));
        List<LookupRounds.Step> steps = new ArrayList<>();
        Set<String> customers = new HashSet<>();
        Set<String> conversations = new HashSet<>();
        Map<String, Instant> erased = erasures(events.stream().map(Map.Entry::getKey).toList());
        for (int i = 0; i < events.size(); i++) {
            String customerId = events.get(i).getKey();
            ContactEvent event = events.get(i).getValue();
            if (erased(erased, customerId, event)) {
                outcomes.set(i, Outcome.ERASED);
            } else if (event.type() == EventType.INTERACTION && customerId != null) {
                ContactLog.Contact contact = new ContactLog.Contact(customerId, event);
                steps.add(LookupRounds.Step.of(i, contact));
                customers.add(customerId);
                conversations.add(contact.conversation());
            } else {
                int index = i;
                signalFor(customerId, event).ifPresent(signal -> {
                    steps.add(LookupRounds.Step.of(index, signal));
                    customers.add(signal.key());
                });
            }
        }
        if (steps.stream().allMatch(step -> step.signal() == null)) {
            contacts.rememberAll(steps.stream().map(LookupRounds.Step::contact).toList());
            return outcomes;
        }
        AlertWriter.Batch batch = new AlertWriter.Batch();
        // Without interactions there is one round, whoever was merged: no need to ask.
        boolean split = !conversations.isEmpty();
        for (LookupRounds.Round round : LookupRounds.split(steps, split ? lookup.survivors(customers) : Map.of(),
                split ? lookup.owners(conversations) : Map.of())) {
            contacts.rememberAll(round.contacts());
            applyAll(round.signals().stream().map(LookupRounds.Step::signal).toList(),
                    round.signals().stream().map(LookupRounds.Step::index).toList(), outcomes, batch);
        }
        writer.flush(batch);
        return outcomes;
    }

    /** A polled batch of effort indexes, in order, in this one transaction, their alerts looked up together. */
    public List<Outcome> handleEfforts(List<EffortIndexUpdated> updates) {
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(updates.size(), Outcome.IGNORED));
        List<Integer> indexes = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        Map<String, Instant> erased = erasures(updates.stream().map(EffortIndexUpdated::customerId).toList());
        for (int i = 0; i < updates.size(); i++) {
            EffortIndexUpdated update = updates.get(i);
            Instant requestedAt = erased.get(update.customerId());
            if (requestedAt != null && Erasure.coveredBy(requestedAt, null, update.updatedAt())) {
                // Computed from contacts that were erased with the customer.
                outcomes.set(i, Outcome.ERASED);
                continue;
            }
            Optional<Signal> signal = effortSignal(update);
            if (signal.isPresent()) {
                indexes.add(i);
                signals.add(signal.get());
            }
        }
        writeAll(signals, indexes, outcomes);
        return outcomes;
    }

    /**
     * A polled batch of score updates, in order, in this one transaction, with the same outcomes as
     * one at a time: the windows of the batch's teams and channels are read in one query, updated in
     * memory in order and written in one JDBC batch (ScoreWindows); the drops they reveal are looked
     * up together and flushed once.
     */
    public List<Outcome> handleScores(List<ScoreUpdated> updates) {
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(updates.size(), Outcome.IGNORED));
        Set<ScoreWindows.Subject> subjects = new LinkedHashSet<>();
        for (ScoreUpdated update : updates) {
            if (comparable(update)) {
                subjects.add(new ScoreWindows.Subject(update.scope().toLowerCase(Locale.ROOT), update.key()));
            }
        }
        if (subjects.isEmpty()) {
            return outcomes;
        }
        ScoreWindows.Snapshot snapshot = windows.read(subjects);
        List<Integer> indexes = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            if (comparable(updates.get(i))) {
                Optional<Signal> signal = dropSignal(updates.get(i), snapshot);
                if (signal.isPresent()) {
                    indexes.add(i);
                    signals.add(signal.get());
                }
            }
        }
        windows.write(snapshot);
        writeAll(signals, indexes, outcomes);
        return outcomes;
    }

    /**
     * When each of these customers that was erased was erased (its latest request), read under the
     * shared merge and erasure locks, which this transaction holds to its end: a merge or an erasure
     * either finds what this transaction writes, or committed before and is seen here. Every writer
     * of customer alerts starts here.
     */
    private Map<String, Instant> erasures(Collection<String> customerIds) {
        merges.lockMergesShared();
        erasureLog.lockShared();
        Map<String, Instant> at = new HashMap<>();
        erasureLog.erasedAt(customerIds).forEach((id, erased) -> at.put(id, erased.requestedAt()));
        return at;
    }

    /** Whether the event was ingested before its customer was erased: it belongs to what was erased. */
    private static boolean erased(Map<String, Instant> erasures, String customerId, ContactEvent event) {
        Instant requestedAt = customerId == null ? null : erasures.get(customerId);
        return requestedAt != null && Erasure.coveredBy(requestedAt, event.ingestedAt(), event.occurredAt());
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
        return handleEfforts(List.of(update)).get(0);
    }

    private Optional<Signal> effortSignal(EffortIndexUpdated update) {
        Optional<AlertDecision> decision = effortRule.evaluate(update);
        if (decision.isEmpty()) {
            return Optional.empty();
        }
        Instant at = update.updatedAt() != null ? update.updatedAt() : clock.instant();
        String eventId = update.customerId() + "@" + at + "#" + update.index();
        TriggerContext context = TriggerContext.derived(EFFORT_SOURCE, eventId, at, null, null, update.index(),
                decision.get().reason());
        return Optional.of(new Signal(AlertScope.CUSTOMER, update.customerId(), decision.get(), context));
    }

    /**
     * Writes a batch's signals (at {@code indexes} of the batch) with one lookup and one flush, and
     * puts their outcomes in {@code outcomes}.
     */
    private void writeAll(List<Signal> signals, List<Integer> indexes, List<Outcome> outcomes) {
        if (!signals.isEmpty()) {
            AlertWriter.Batch batch = new AlertWriter.Batch();
            applyAll(signals, indexes, outcomes, batch);
            writer.flush(batch);
        }
    }

    /** Looks the signals up in one query and applies them to {@code batch}, in order. */
    private void applyAll(List<Signal> signals, List<Integer> indexes, List<Outcome> outcomes,
            AlertWriter.Batch batch) {
        if (signals.isEmpty()) {
            return;
        }
        List<WriteLookup.Found> found = writer.lookUp(signals);
        for (int s = 0; s < signals.size(); s++) {
            outcomes.set(indexes.get(s), writer.apply(signals.get(s), found.get(s), batch));
        }
    }

    /** Remembers a team's or channel's 7d/30d NPS and compares the two windows. */
    public Outcome handle(ScoreUpdated update) {
        return handleScores(List.of(update)).get(0);
    }

    /** A team's or channel's 7d or 30d NPS: the updates the drop rule compares. */
    private static boolean comparable(ScoreUpdated update) {
        return update != null && update.nps() != null && update.scope() != null && update.key() != null
                && update.updatedAt() != null && comparesScope(update.scope()) && comparesWindow(update.window());
    }

    /** Whether the drop rule compares scores of this scope (team, channel). */
    public static boolean comparesScope(String scope) {
        return scope != null && DROP_SCOPES.contains(scope.toLowerCase(Locale.ROOT));
    }

    /** Whether the drop rule compares scores over this window (7d, 30d). */
    public static boolean comparesWindow(String window) {
        return WINDOW_7D.equals(window) || WINDOW_30D.equals(window);
    }

    /** Remembers a comparable update in {@code snapshot} and compares the two windows as they now stand. */
    private Optional<Signal> dropSignal(ScoreUpdated update, ScoreWindows.Snapshot snapshot) {
        String scope = update.scope().toLowerCase(Locale.ROOT);
        NpsWindow current = new NpsWindow(update.nps().n(), update.nps().score());
        Map<String, ScoreWindows.Stored> both = snapshot.rememberAndRead(scope, update.key(), update.window(),
                current, update.updatedAt(), WINDOW_7D, WINDOW_30D);
        ScoreWindows.Stored sevenDays = both.get(WINDOW_7D);
        ScoreWindows.Stored thirtyDays = both.get(WINDOW_30D);
        if (sevenDays == null || thirtyDays == null) {
            return Optional.empty();
        }
        Optional<AlertDecision> decision = dropRule.evaluate(sevenDays.nps(), thirtyDays.nps());
        if (decision.isEmpty()) {
            return Optional.empty();
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
        return Optional.of(new Signal(team ? AlertScope.TEAM : AlertScope.CHANNEL, update.key(), decision.get(),
                context));
    }

    private Optional<AlertDecision> decide(ContactEvent event) {
        // Each event carries one answer, so at most one rule can fire; the first verdict wins.
        return rules.stream().map(rule -> rule.evaluate(event)).flatMap(Optional::stream).findFirst();
    }
}
