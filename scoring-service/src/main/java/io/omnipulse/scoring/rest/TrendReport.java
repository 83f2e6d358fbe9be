package io.omnipulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnipulse.events.ScoreUpdated;
import java.time.LocalDate;
import java.util.List;

/**
 * A time series of one metric of one scope key, for charts.
 *
 * @param lateEvents responses of this scope that came after the grace period: counted in window
 *                   "all", in no day of this series
 */
public record TrendReport(String scope, String key, String metric, String bucket, LocalDate from, LocalDate to,
        long lateEvents, List<Point> points) {

    /** The answers given from {@code first} to {@code last} (UTC days, inclusive); only the asked metric is set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(LocalDate first, LocalDate last, ScoreUpdated.Nps nps, ScoreUpdated.Ces ces,
            ScoreUpdated.Csat csat) {
    }
}
