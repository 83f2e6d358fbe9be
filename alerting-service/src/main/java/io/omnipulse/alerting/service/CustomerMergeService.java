package io.omnipulse.alerting.service;

import io.omnipulse.alerting.domain.AlertAction;
import io.omnipulse.alerting.domain.AlertLifecycle;
import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.domain.AlertSeverity;
import io.omnipulse.alerting.domain.AlertStatus;
import io.omnipulse.alerting.domain.Erasure;
import io.omnipulse.alerting.domain.ResolutionOutcome;
import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.alerting.persistence.AlertContacts;
import io.omnipulse.alerting.persistence.AlertRepository;
import io.omnipulse.alerting.persistence.AlertTriggerRepository;
import io.omnipulse.alerting.persistence.ContactLog;
import io.omnipulse.alerting.persistence.CustomerMergeLog;
import io.omnipulse.alerting.persistence.ErasureLog;
import io.omnipulse.events.AlertMoved;
import io.omnipulse.events.AlertResolved;
import io.omnipulse.events.CustomersMerged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Makes a merged customer's alerts the survivor's, so that "one unresolved alert per customer and
 * cause" still means one per person after identity resolution found that two customers are one.
 * For each unresolved customer alert of the merged id: if the survivor has none of that cause, the
 * alert moves to the survivor; otherwise it is folded into the survivor's ({@link Alert#absorb}, its
 * triggers move too, deadlines re-applied, the survivor's contact keeps what it has and fills its
 * gaps from the folded alert's) and resolved with outcome MERGED, published on the alert topic like
 * any resolve. Resolved alerts stay where they are, as history. Contacts remembered for routing move
 * as well.
 *
 * <p>One transaction per merge, idempotent through customer_merge (a replay writes nothing).
 * Chains end at the last survivor in any arrival order: a merge into a customer that was itself
 * merged goes on to where that one lives, and answers still arriving under a merged id are written
 * under its survivor (WriteLookup, ContactLog). A merge made before its survivor was erased that
 * arrives only after the erasure erases the merged id as well, instead of linking it to the survivor.
 */
@ApplicationScoped
@Transactional
public class CustomerMergeService {

    /** What one merge did. */
    public record Result(Kind kind, int reassigned, int folded) {

        static final Result DUPLICATE = new Result(Kind.DUPLICATE, 0, 0);
        static final Result IGNORED = new Result(Kind.IGNORED, 0, 0);
        static final Result REVIVED = new Result(Kind.REVIVED, 0, 0);
        static final Result ERASED = new Result(Kind.ERASED, 0, 0);
    }

    /**
     * Applied now, stored before (a replay), not applicable (no ids, or older than what is known), the
     * word that a merged id lives again (a merge into itself), which drops its pointer, or a merge
     * into a customer erased since, which erases the merged id too (ErasureService#eraseLateMerge).
     */
    public enum Kind {
        APPLIED,
        DUPLICATE,
        IGNORED,
        REVIVED,
        ERASED
    }

    static final String ACTION = "MERGED";

    private static final Logger LOG = Logger.getLogger(CustomerMergeService.class);

    private final CustomerMergeLog merges;
    private final AlertRepository alerts;
    private final AlertTriggerRepository triggers;
    private final AlertContacts alertContacts;
    private final ContactLog contacts;
    private final AlertJournal journal;
    private final DeadlinePolicy deadlines;
    private final ErasureLog erasures;
    private final ErasureService erasure;
    private final Clock clock;

    public CustomerMergeService(CustomerMergeLog merges, AlertRepository alerts, AlertTriggerRepository triggers,
            AlertContacts alertContacts, ContactLog contacts, AlertJournal journal, DeadlinePolicy deadlines,
            ErasureLog erasures, ErasureService erasure, Clock clock) {
        this.merges = merges;
        this.erasures = erasures;
        this.erasure = erasure;
        this.alerts = alerts;
        this.triggers = triggers;
        this.alertContacts = alertContacts;
        this.contacts = contacts;
        this.journal = journal;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** A polled batch of merges, in order, in this one transaction, as {@link #apply} one at a time. */
    public List<Result> applyAll(List<CustomersMerged> batch) {
        List<Result> results = new java.util.ArrayList<>(batch.size());
        for (CustomersMerged merge : batch) {
            results.add(apply(merge));
        }
        return results;
    }

    public Result apply(CustomersMerged merge) {
        String merged = merge.mergedId();
        if (merged == null || merge.survivorId() == null) {
            LOG.warnf("ignoring merge of %s into %s: it does not name two customers", merged, merge.survivorId());
            return Result.IGNORED;
        }
        merges.lockMerges();
        if (merged.equals(merge.survivorId())) {
            // The id lives again: its alerts already moved and stay where they are (history); what
            // arrives under it from now on is its own.
            boolean dropped = merges.forgetOlderThan(merged, merge.mergedAt());
            LOG.infof("customer %s lives again%s", merged, dropped ? "; its merge pointer is dropped" : "");
            return dropped ? Result.REVIVED : Result.IGNORED;
        }
        // Erasures take the merge lock too: none is under way, and any that committed is seen here.
        ErasureLog.Erased erased = erasures.erasedAt(List.of(merge.survivorId())).get(merge.survivorId());
        if (erased != null && Erasure.coveredBy(erased.requestedAt(), merge.mergedAt(), merge.occurredAt())) {
            erasure.eraseLateMerge(merged, erased);
            return Result.ERASED;
        }
        // A merge naming a survivor whose own pointer is older: the survivor lives again (its word may
        // still be on its way, on another partition), so the pointer is stale and a chain through it
        // would lead back to this merge's id.
        if (merge.mergedAt() != null && merges.forgetOlderThan(merge.survivorId(), merge.mergedAt())) {
            LOG.infof("customer %s lives again as the survivor of a newer merge", merge.survivorId());
        }
        // The survivor may have been merged on since (B into C before A into B arrived): go to C.
        String survivor = merges.survivorOf(merge.survivorId());
        if (survivor.equals(merged)) {
            LOG.warnf("ignoring merge of %s into %s: %s was merged into %s before", merged, merge.survivorId(),
                    merge.survivorId(), merged);
            return Result.IGNORED;
        }
        Instant now = clock.instant();
        if (!merges.record(merge, survivor, now)) {
            LOG.debugf("merge of %s was applied before; ignoring the replay", merged);
            return Result.DUPLICATE;
        }
        merges.repoint(merged, survivor);
        contacts.reassign(merged, survivor);
        String what = describe(merge, survivor);
        int reassigned = 0;
        int folded = 0;
        for (Alert alert : alerts.unresolvedOfCustomer(merged)) {
            Optional<Alert> kept = alerts.unresolvedOf(AlertScope.CUSTOMER, survivor, alert.cause);
            if (kept.isPresent()) {
                fold(alert, kept.get(), what, now);
                folded++;
            } else {
                alert.customerId = survivor;
                journal.record(new AlertMoved(alert.id, merged, survivor, what, AlertWriter.SYSTEM, now),
                        AlertWriter.SYSTEM, ACTION, alert.status, alert.status, what);
                reassigned++;
            }
        }
        // Flush here so a version or unique conflict is thrown from this call, not at commit.
        alerts.flush();
        LOG.infof("%s; alerts moved: %d, folded: %d", what, reassigned, folded);
        return new Result(Kind.APPLIED, reassigned, folded);
    }

    private void fold(Alert alert, Alert kept, String what, Instant now) {
        AlertSeverity before = kept.severity;
        int moved = triggers.moveAll(alert, kept);
        kept.absorb(alert);
        alertContacts.apply(List.of(new AlertContacts.Change(kept.id, alert.contact(), false)));
        deadlines.apply(kept);
        String raised = kept.severity != before ? "; severity " + before + " -> " + kept.severity : "";
        journal.audit(kept.id, now, AlertWriter.SYSTEM, ACTION, kept.status, kept.status,
                what + "; alert " + alert.id + " folded in with " + moved + " trigger(s)" + raised);

        AlertStatus from = alert.status;
        alert.status = AlertLifecycle.next(from, AlertAction.RESOLVE);
        alert.resolvedAt = now;
        alert.resolvedBy = AlertWriter.SYSTEM;
        alert.outcome = ResolutionOutcome.MERGED;
        alert.resolutionNote = "folded into alert " + kept.id + " of customer " + kept.customerId;
        journal.record(new AlertResolved(alert.id, ResolutionOutcome.MERGED.name().toLowerCase(Locale.ROOT),
                alert.resolutionNote, AlertWriter.SYSTEM, now), AlertWriter.SYSTEM, ACTION, from, alert.status,
                what + "; " + alert.resolutionNote);
    }

    private static String describe(CustomersMerged merge, String survivor) {
        String what = "customer " + merge.mergedId() + " merged into " + merge.survivorId() + " (event "
                + merge.linkingSource() + "/" + merge.linkingEventId() + ")";
        return survivor.equals(merge.survivorId()) ? what
                : what + "; " + merge.survivorId() + " lives on as " + survivor;
    }
}
