package io.omnipulse.console.pages;

import io.omnipulse.console.services.Alerts;
import io.omnipulse.console.services.Profiles;
import io.omnipulse.console.services.ScoringApi;
import io.omnipulse.events.ScoreUpdated;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Everything a lead needs to call a customer back, on one page: the alert (cause, answer, rated
 * interaction, triggers, audit trail), who the customer is and how to reach them (profile-service),
 * their journey and their scores and effort drivers (scoring-service). A part whose service did not
 * answer says so in {@code *Problem} instead of failing the page.
 */
public record AlertView(Alerts.Alert alert, TimeLeft timeLeft, Profiles.Profile profile, String profileProblem,
        ScoringApi.CustomerScores scores, String scoresProblem, String actionProblem) {

    public static final List<String> OUTCOMES = List.of("contacted", "recovered", "unreachable", "no_action");

    /** The outcomes a person may close an alert with. */
    public List<String> outcomes() {
        return OUTCOMES;
    }

    /** One way to reach the customer: "email" and the address. */
    public record Reach(String kind, String value) {
    }

    /** A window's scores in words: "NPS -100 (n 1, ±0)". */
    public record ScoreRow(String window, String nps, String ces, String csat) {
    }

    private static final Map<String, String> IDENTIFIER_WORDS = Map.of("email", "e-mail", "phone", "phone",
            "crm", "CRM id", "handle", "social handle", "visitor", "chat visitor id");
    private static final List<String> WINDOWS = List.of("7d", "30d", "90d", "all");

    /**
     * How to reach the customer: every identifier of their profile, e-mail and phone first; the alert's
     * own contact when the profile is not there.
     */
    public List<Reach> reach() {
        List<Reach> reach = new ArrayList<>();
        if (profile != null && profile.identifiers() != null) {
            for (String kind : List.of("email", "phone", "crm", "handle", "visitor")) {
                for (String value : profile.identifiers().getOrDefault(kind, List.of())) {
                    reach.add(new Reach(IDENTIFIER_WORDS.get(kind), value));
                }
            }
        } else if (alert.contact() != null) {
            Alerts.Contact c = alert.contact();
            addIfSet(reach, "e-mail", c.email());
            addIfSet(reach, "phone", c.phone());
            addIfSet(reach, "CRM id", c.crmId());
            addIfSet(reach, "social handle", c.handle());
            addIfSet(reach, "chat visitor id", c.chatVisitorId());
        }
        return reach;
    }

    /** The channel they last used: the profile's latest contact, else what the alert knows. */
    public String lastChannel() {
        String fromProfile = profile == null ? null : profile.lastChannel();
        if (fromProfile != null) {
            return fromProfile;
        }
        return alert.contact() == null ? null : alert.contact().lastChannel();
    }

    public List<ScoreRow> scoreRows() {
        if (scores == null || scores.windows() == null) {
            return List.of();
        }
        List<ScoreRow> rows = new ArrayList<>();
        for (String window : WINDOWS) {
            ScoreUpdated score = scores.windows().get(window);
            if (score != null) {
                rows.add(new ScoreRow(window, Numbers.nps(score.nps()), Numbers.ces(score.ces()),
                        Numbers.csat(score.csat())));
            }
        }
        return rows;
    }

    private static void addIfSet(List<Reach> reach, String kind, String value) {
        if (value != null && !value.isBlank()) {
            reach.add(new Reach(kind, value));
        }
    }

    /** The journey, newest first: what happened last is what the call is about. */
    public List<Profiles.JourneyEntry> journeyNewestFirst() {
        if (profile == null || profile.journey() == null) {
            return List.of();
        }
        List<Profiles.JourneyEntry> newestFirst = new ArrayList<>(profile.journey());
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
