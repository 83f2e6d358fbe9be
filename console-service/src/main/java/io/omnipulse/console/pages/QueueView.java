package io.omnipulse.console.pages;

import io.omnipulse.console.services.Alerts;
import java.time.Instant;
import java.util.List;

/**
 * One page of the alert queue as the lead sees it, with the filters that chose it. When alerting-service
 * counted only part of a long backlog ({@code totalExact} false), the total and the page count are
 * lower bounds and read "1000+".
 */
public record QueueView(QueueFilters filters, List<Row> rows, long total, boolean totalExact, int page, int pages,
        String error) {

    /** One alert in a row, in words: who to call, why, and how long is left. */
    public record Row(long id, String who, String cause, String severity, String status, String score,
            String comment, String channel, String team, TimeLeft timeLeft, Instant openedAt) {

        static Row of(Alerts.Alert alert, Instant now) {
            return new Row(alert.id(), alert.who(), Labels.words(alert.cause()), Labels.words(alert.severity()),
                    Labels.words(alert.status()), alert.score() == null ? "–" : alert.score().toString(),
                    Labels.glance(alert.comment()), Labels.words(alert.channel()),
                    alert.team() == null ? "–" : alert.team(), TimeLeft.until(alert.dueAt(), now), alert.openedAt());
        }
    }

    /** The number of matching alerts as shown: "1000+" when there are more than were counted. */
    public String totalShown() {
        return total + (totalExact ? "" : "+");
    }

    /** The number of pages as shown, "20+" when the total is a lower bound. */
    public String pagesShown() {
        return pages + (totalExact ? "" : "+");
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }
}
