package io.omnipulse.alerting.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.alerting.service.AlertService;
import io.omnipulse.alerting.service.Outcome;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.serde.ContactEventSerde;
import io.omnipulse.security.CustomerIdKey;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code Topics.RESOLVED_EVENTS}, the interactions and answers after identity resolution, and
 * hands each to {@link AlertService} with the customer id it was resolved to (the record key), one
 * at a time per channel on a worker thread (the database calls block). Reading resolved events, not
 * ingest's, puts an alert on the same customer id as the profile and the customer-scope scores, so
 * its context and a support lead's lookups agree.
 *
 * <p>Delivery is at least once: the offsets are committed only after this method returned. A replay
 * (crash between the database commit and the offset commit) finds its trigger row and changes
 * nothing. Failures follow {@link FailurePolicy}: a record that cannot be read or stored (bad data)
 * is dead-lettered and skipped; PostgreSQL being away is waited out, the record retried.
 */
// Made at start-up, not at the first record: a deployment without its customer-id key stops there.
@Startup
@ApplicationScoped
public class ResolvedEventConsumer {

    /** The channel name; configured in application.properties on topic cx.resolved-events.v1. */
    public static final String CHANNEL = "resolved-events";

    private static final Logger LOG = Logger.getLogger(ResolvedEventConsumer.class);

    private final AlertService service;
    private final FailurePolicy policy;
    private final ContactEventSerde serde = new ContactEventSerde();
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Counter unreadable;

    /** {@code customerIdKey}: set before an event without a record key is given its customer's id. */
    public ResolvedEventConsumer(AlertService service, FailurePolicy policy, MeterRegistry registry,
            CustomerIdKey customerIdKey) {
        this.service = service;
        this.policy = policy;
        outcomes.put(Outcome.OPENED, counter(registry, "omnipulse.alerting.alerts.opened", "Alerts opened"));
        outcomes.put(Outcome.ATTACHED, counter(registry, "omnipulse.alerting.triggers.attached",
                "Events attached to an alert that was already open"));
        outcomes.put(Outcome.DUPLICATE, counter(registry, "omnipulse.alerting.events.duplicate",
                "Events ignored because they were stored before (replays)"));
        outcomes.put(Outcome.IGNORED, counter(registry, "omnipulse.alerting.events.ignored",
                "Events that call for no alert"));
        outcomes.put(Outcome.ERASED, counter(registry, "omnipulse.alerting.events.erased",
                "Events ignored because their customer was erased after they were ingested"));
        unreadable = counter(registry, "omnipulse.alerting.events.unreadable",
                "Records dead-lettered because their value is not a ContactEvent");
    }

    /**
     * One polled batch (batch=true; each partition's records in offset order, one batch at a time):
     * one transaction for all of it, the offsets committed after it returned. A batch that fails for
     * good is handled one record at a time instead (FailurePolicy#handleBatch).
     */
    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<byte[], byte[]> records) {
        policy.handleBatch(CHANNEL, records, serde, record -> unreadable.increment(), this::handleAll,
                (record, key, event) -> outcomes.get(handle(customerOf(key, event), event)).increment());
    }

    private void handleAll(List<FailurePolicy.Item<ContactEvent>> items) {
        List<Map.Entry<String, ContactEvent>> events = new ArrayList<>(items.size());
        for (FailurePolicy.Item<ContactEvent> item : items) {
            events.add(new SimpleImmutableEntry<>(customerOf(item.key(), item.value()), item.value()));
        }
        // Counted once the transaction committed: a batch that is rolled back and retried counts once.
        service.handleEvents(events).forEach(outcome -> outcomes.get(outcome).increment());
    }

    /**
     * profile-service keys every resolved event by its customer id. A record without a key (written
     * by something else) still names its customer the way ingest keys it, rather than being dropped.
     */
    private static String customerOf(String key, ContactEvent event) {
        return key != null ? key : CustomerKeys.customerId(event.customer());
    }

    private Outcome handle(String customerId, ContactEvent event) {
        try {
            return service.handle(customerId, event);
        } catch (RuntimeException e) {
            if (!Conflicts.isConflict(e)) {
                throw e;
            }
            // Another instance (e.g. during a rebalance) wrote the same event or alert first and
            // this transaction was rolled back. Running it once more sees that write and turns
            // into a duplicate or an attach; a second failure goes to FailurePolicy (a version
            // conflict is retried with backoff, a unique violation dead-lettered).
            LOG.infof("write conflict on event %s; retrying once", event.dedupKey());
            return service.handle(customerId, event);
        }
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }
}
