package io.omnipulse.alerting.service;

import io.omnipulse.alerting.domain.Erasure;
import io.omnipulse.alerting.persistence.Anonymiser;
import io.omnipulse.alerting.persistence.CustomerMergeLog;
import io.omnipulse.alerting.persistence.ErasureLog;
import io.omnipulse.events.ErasureRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * This service's part of forgetting a customer (GDPR art. 17): in one transaction, the customer's
 * alerts and everything around them are anonymised (Anonymiser: the alerts and their times stay for
 * the closed-loop KPIs), their contact history and merge links deleted, and the erasure recorded.
 * The customer is the survivor of their merges; the ids merged into it are the same person and are
 * erased with it. The erasure id is the idempotency key: a redelivered request changes nothing and
 * answers what the first one did. Logs name the erasure and counts, never a customer.
 */
@ApplicationScoped
@Transactional
public class ErasureService {

    /** What an erasure did: rows changed or deleted, when, and whether it had been done before. */
    public record Result(long rowsAffected, Instant completedAt, boolean repeated) {
    }

    private static final Logger LOG = Logger.getLogger(ErasureService.class);

    private final ErasureLog erasures;
    private final CustomerMergeLog merges;
    private final Anonymiser anonymiser;
    private final Clock clock;

    public ErasureService(ErasureLog erasures, CustomerMergeLog merges, Anonymiser anonymiser, Clock clock) {
        this.erasures = erasures;
        this.merges = merges;
        this.anonymiser = anonymiser;
        this.clock = clock;
    }

    /** Erases the request's customer and the ids merged into it, once per erasure id. */
    public Result erase(ErasureRequested request) {
        // Merges first, as CustomerMergeService takes them: the set of merged ids cannot change under
        // this erasure, and no merge waits for the erasure lock while holding alert rows.
        merges.lockMerges();
        erasures.lockExclusive();
        var done = erasures.find(request.erasureId());
        if (done.isPresent()) {
            LOG.infof("erasure %s was done before (%d rows); answering again", request.erasureId(),
                    done.get().rowsAffected());
            return new Result(done.get().rowsAffected(), done.get().completedAt(), true);
        }
        Set<String> ids = new LinkedHashSet<>();
        ids.add(request.customerId());
        ids.addAll(merges.mergedInto(request.customerId()));
        // As PostgreSQL stores it (microseconds): a repeat answers exactly what the first one did.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Anonymiser.Counts counts = anonymiser.anonymise(ids, Erasure.marker(request.erasureId()), request.erasureId(),
                now);
        erasures.markErased(ids, request.erasureId(), request.requestedAt());
        erasures.record(request, now, counts.total());
        LOG.infof("erasure %s: %d customer id(s); alerts %d, triggers %d, audit rows %d, outbox rows %d, "
                + "notification rows %d, contexts %d, contacts %d, merge links %d", request.erasureId(), ids.size(),
                counts.alerts(), counts.triggers(), counts.audits(), counts.outbox(), counts.notifications(),
                counts.contexts(), counts.contacts(), counts.merges());
        return new Result(counts.total(), now, false);
    }

    /**
     * A merge of {@code mergedId} into a customer that {@code erasure} erased, made before that
     * erasure was requested, that arrived only now (in flight, or a replay in another order): the
     * merged id was the same person then, so it is erased as part of that erasure, within the merge's
     * transaction (the caller holds the merge lock), and no link to the survivor is kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long eraseLateMerge(String mergedId, ErasureLog.Erased erasure) {
        erasures.lockExclusive();
        Set<String> ids = new LinkedHashSet<>();
        ids.add(mergedId);
        ids.addAll(merges.mergedInto(mergedId));
        Anonymiser.Counts counts = anonymiser.anonymise(ids, Erasure.marker(erasure.erasureId()),
                erasure.erasureId(), clock.instant());
        erasures.markErased(ids, erasure.erasureId(), erasure.requestedAt());
        LOG.infof("a merge into a customer erased by %s arrived after it; the merged customer was erased too "
                + "(%d rows)", erasure.erasureId(), counts.total());
        return counts.total();
    }
}
