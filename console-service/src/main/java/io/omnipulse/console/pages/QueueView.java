package io.omnipulse.console.pages;

import io.omnipulse.console.services.Alerts;
import java.time.Instant;
import java.util.List;

/** One page of the alert queue as the lead sees it, with the filters that chose it. */
public record QueueView(QueueFilters filters, List<Row> rows, long total, int page, int pages, String error) {

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

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }
}
