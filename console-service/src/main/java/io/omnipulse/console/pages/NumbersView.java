package io.omnipulse.console.pages;

import io.omnipulse.console.services.Alerts;
import io.omnipulse.console.services.ScoringApi;
import java.util.List;

/**
 * The numbers a lead shows their director: each scope's NPS, CES and CSAT over 7, 30 and 90 days with
 * n and the margin of error, a trend per metric for the chosen scope, the closed-loop KPIs, channel
 * consistency and behavioural effort. A part whose service did not answer carries its problem instead.
 *
 * @param trendsJson the chart data, as JSON for the page's script (and as tables for everyone)
 */
public record NumbersView(String team, String bucket, List<String> teams, List<ScopeRow> scopes, String scopesProblem,
        String focusLabel, List<Trend> trends, String trendsJson, String trendsProblem, Kpis kpis, String kpisProblem,
        ScoringApi.Consistency consistency, ScoringApi.EffortSummary effort, String focusProblem) {

    /** One scope's scores per window, in words. */
    public record ScopeRow(String label, List<String> nps, List<String> ces, List<String> csat) {
    }

    /** One metric's series; {@code late} counts answers that came after the grace period and are in no point. */
    public record Trend(String metric, String title, long late, List<TrendPoint> points) {
    }

    /** One day or week: its label, value (null without answers) and number of answers. */
    public record TrendPoint(String label, Double value, long n) {
    }

    /** The closed-loop KPIs in words; the medians and the share are of the alerts raised in the last {@code periodDays}. */
    public record Kpis(long open, String medianToAcknowledge, String medianToResolve, String contactedWithin48h,
            long contacted, long counted, int periodDays) {

        static Kpis of(Alerts.Stats stats) {
            Alerts.ClosedLoop loop = stats.detractorsContactedWithin48h();
            String share = loop == null || loop.percent() == null ? "no detractor alerts due yet"
                    : String.format(java.util.Locale.ROOT, "%.0f %% (%d of %d)", loop.percent(), loop.contacted(),
                            loop.counted());
            return new Kpis(stats.open(), duration(stats.medianSecondsToAcknowledge()),
                    duration(stats.medianSecondsToResolve()), share, loop == null ? 0 : loop.contacted(),
                    loop == null ? 0 : loop.counted(), stats.periodDays());
        }

        private static String duration(Double seconds) {
            return seconds == null ? "none yet" : TimeLeft.words(java.time.Duration.ofSeconds(Math.round(seconds)));
        }
    }

    public List<String> windows() {
        return NumbersPage.WINDOWS;
    }
}
