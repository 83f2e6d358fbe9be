package io.omnipulse.alerting.notify;

import io.omnipulse.alerting.service.AlertQueries;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.AlertRaised;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Live alert events for server-sent-event subscribers. Fed by messaging.LiveAlertFeed with the
 * events of every instance as read from Kafka, where the outbox relays put only steps that were
 * committed, so a screen never shows a step that was rolled back, whichever instance it is on.
 * Subscribers see events from the moment they connect; the queue (GET /v1/alerts) is the history.
 * <p>
 * Each event reaches only the subscribers who may see its alert, as GET /v1/alerts decides: the
 * alert's team is one of theirs, or it has none, or they are admins. Only {@code AlertRaised} names
 * the team on the wire, and an alert's team follows its latest trigger, so the current team of every
 * alert of a polled batch is read in one query, once for all subscribers, and none while nobody is
 * connected. All instances share the database, so another instance's alerts are found the same way.
 */
@ApplicationScoped
public class AlertStream {

    private static final Logger LOG = Logger.getLogger(AlertStream.class);
    /** Events waiting to be written to one screen; several polled batches. */
    static final int BUFFER = 1000;

    private final BroadcastProcessor<Addressed> processor = BroadcastProcessor.create();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final AlertQueries queries;

    public AlertStream(AlertQueries queries) {
        this.queries = queries;
    }

    /** Publishes events that are on Kafka, in their order; outside any transaction. */
    public void publish(List<AlertEvent> events) {
        if (events.isEmpty() || subscribers.get() <= 0) {
            return;
        }
        Map<Long, String> teams;
        try {
            teams = queries.teamsOf(events.stream().map(AlertEvent::alertId).distinct().toList());
        } catch (RuntimeException e) {
            // Screens are best effort and the events are on Kafka already: never stop the feed for them.
            LOG.warnf("the teams of %d alert events could not be read for the live screens (%s); those not "
                    + "naming their team go to admins only", events.size(), e.toString());
            teams = Map.of();
        }
        for (AlertEvent event : events) {
            processor.onNext(addressed(event, teams));
        }
    }

    /**
     * The events of the alerts of {@code visibleTeams} and of no team from now on; all of them for
     * null (an admin). The server writes one event at a time while the feed hands over a batch at
     * once, so each screen has a buffer of {@value #BUFFER} events; a screen that falls further
     * behind is ended (it reconnects and reads the queue) rather than silently missing events or
     * holding the feed back.
     */
    public Multi<AlertEvent> subscribe(Set<String> visibleTeams) {
        Set<String> teams = visibleTeams == null ? null : Set.copyOf(visibleTeams);
        return processor
                .onSubscription().invoke(subscribers::incrementAndGet)
                .onTermination().invoke(subscribers::decrementAndGet)
                .select().where(addressed -> addressed.visibleTo(teams))
                .map(Addressed::event)
                .onOverflow().buffer(BUFFER)
                .onFailure(BackPressureFailure.class).invoke(() -> LOG.infof(
                        "a live screen fell more than %d alert events behind and was ended; it may reconnect", BUFFER))
                .onFailure(BackPressureFailure.class).recoverWithCompletion();
    }

    private static Addressed addressed(AlertEvent event, Map<Long, String> teams) {
        if (teams.containsKey(event.alertId())) {
            return new Addressed(event, true, teams.get(event.alertId()));
        }
        // Not read (the look-up failed, or no such alert): a raised event names its team; any other
        // kind is an admin's.
        return event instanceof AlertRaised raised ? new Addressed(event, true, raised.team())
                : new Addressed(event, false, null);
    }

    /** An event with the team of its alert; {@code known} is false when that could not be read. */
    private record Addressed(AlertEvent event, boolean known, String team) {

        boolean visibleTo(Set<String> teams) {
            return teams == null || (known && (team == null || teams.contains(team)));
        }
    }
}
