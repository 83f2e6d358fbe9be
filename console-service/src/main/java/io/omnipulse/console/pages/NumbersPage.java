package io.omnipulse.console.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnipulse.console.services.AlertingApi;
import io.omnipulse.console.services.ScoringApi;
import io.omnipulse.console.services.ServiceException;
import io.omnipulse.events.ScoreUpdated;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The numbers: scores of everyone, the chosen team and each channel; the chosen scope's trends, channel
 * consistency and behavioural effort; the closed-loop KPIs. The scope is a team ({@code ?team=}, by
 * default the person's first) or everyone.
 */
@Path("/numbers")
@Authenticated
public class NumbersPage {

    static final List<String> WINDOWS = List.of("7d", "30d", "90d");
    static final List<String> CHANNELS = List.of("email", "chat", "social", "call");
    static final List<String> METRICS = List.of("nps", "ces", "csat");
    /** Days a trend covers: 30 days by day, 12 weeks by week. */
    static final int DAYS_BY_DAY = 30;
    static final int WEEKS = 12;

    private final ScoringApi scoring;
    private final AlertingApi alerting;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ObjectMapper json;

    public NumbersPage(@RestClient ScoringApi scoring, @RestClient AlertingApi alerting, SecurityIdentity identity,
            Clock clock, ObjectMapper json) {
        this.scoring = scoring;
        this.alerting = alerting;
        this.identity = identity;
        this.clock = clock;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The numbers page: scores per scope and window, trends, closed-loop KPIs, consistency, effort")
    public String numbers(@RestQuery String team, @RestQuery String bucket) {
        Person person = Person.of(identity);
        String focus = team != null && !team.isBlank() ? clip(team.strip())
                : person.teams().isEmpty() ? null : person.teams().get(0);
        String size = "week".equals(bucket) ? "week" : "day";
        String scope = focus == null ? "global" : "team";

        List<NumbersView.ScopeRow> rows = new ArrayList<>();
        String scopesProblem = attempt("scoring-service", () -> {
            rows.add(row("Everyone", "global", null));
            if (focus != null) {
                rows.add(row("Team " + focus, "team", focus));
            }
            for (String channel : CHANNELS) {
                rows.add(row("Channel " + channel, "channel", channel));
            }
        });
        List<NumbersView.Trend> trends = new ArrayList<>();
        String trendsProblem = attempt("scoring-service",
                () -> METRICS.forEach(metric -> trends.add(trend(scope, focus, metric, size))));
        NumbersView.Kpis[] kpis = new NumbersView.Kpis[1];
        String kpisProblem = attempt("alerting-service", () -> kpis[0] = NumbersView.Kpis.of(alerting.stats(focus)));
        ScoringApi.Consistency[] consistency = new ScoringApi.Consistency[1];
        ScoringApi.EffortSummary[] effort = new ScoringApi.EffortSummary[1];
        String focusProblem = attempt("scoring-service", () -> {
            consistency[0] = scoring.consistency(scope, focus, "30d");
            effort[0] = scoring.effort(scope, focus);
        });
        NumbersView view = new NumbersView(focus, size, person.teams(), rows, scopesProblem,
                focus == null ? "everyone" : "team " + focus, trends, chartData(trends), trendsProblem, kpis[0],
                kpisProblem, consistency[0], effort[0], focusProblem);
        return Templates.numbers(person, view).render();
    }

    private NumbersView.ScopeRow row(String label, String scope, String key) {
        List<String> nps = new ArrayList<>();
        List<String> ces = new ArrayList<>();
        List<String> csat = new ArrayList<>();
        for (String window : WINDOWS) {
            ScoreUpdated score = scoring.scores(scope, key, window);
            nps.add(Numbers.nps(score.nps()));
            ces.add(Numbers.ces(score.ces()));
            csat.add(Numbers.csat(score.csat()));
        }
        return new NumbersView.ScopeRow(label, nps, ces, csat);
    }

    private NumbersView.Trend trend(String scope, String key, String metric, String size) {
        LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = size.equals("week") ? to.minusWeeks(WEEKS - 1L) : to.minusDays(DAYS_BY_DAY - 1L);
        ScoringApi.Trend trend = scoring.trend(scope, key, metric, size, from.toString(), to.toString());
        Function<ScoringApi.Point, NumbersView.TrendPoint> point = switch (metric) {
            case "nps" -> p -> new NumbersView.TrendPoint(p.first().toString(), p.nps().score(), p.nps().n());
            case "ces" -> p -> new NumbersView.TrendPoint(p.first().toString(), p.ces().meanEase(), p.ces().n());
            default -> p -> new NumbersView.TrendPoint(p.first().toString(), p.csat().percent(), p.csat().n());
        };
        String title = switch (metric) {
            case "nps" -> "NPS (-100 to 100)";
            case "ces" -> "CES: mean ease (0 hardest to 100 easiest)";
            default -> "CSAT (% satisfied)";
        };
        return new NumbersView.Trend(metric, title, trend.lateEvents(), trend.points().stream().map(point).toList());
    }

    private String chartData(List<NumbersView.Trend> trends) {
        try {
            // Escaped for a <script type="application/json"> element: no "</script>" can end it early.
            return json.writeValueAsString(trends).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            return "[]";
        }
    }

    /** Runs a part of the page; null when it worked, else the words of why it did not. */
    private static String attempt(String service, Runnable part) {
        try {
            part.run();
            return null;
        } catch (ServiceException e) {
            return e.getMessage();
        } catch (ProcessingException e) {
            return ServicePart.noAnswer(service, e);
        }
    }

    private static String clip(String team) {
        return team.length() <= QueueFilters.MAX_TEAM ? team : team.substring(0, QueueFilters.MAX_TEAM);
    }
}
