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
 * What the alert page and the customer page both say about a customer, in the same words: both views
 * have the customer's profile and scores, and take the rest from here.
 */
public interface CustomerFacts {

    /** One way to reach the customer: "e-mail" and the address. */
    public record Reach(String kind, String value) {
    }

    /** A window's scores in words: "-100 (n 1)". */
    public record ScoreRow(String window, String nps, String ces, String csat) {
    }

    List<String> KINDS = List.of("email", "phone", "crm", "handle", "visitor");
    Map<String, String> WORDS = Map.of("email", "e-mail", "phone", "phone", "crm", "CRM id",
            "handle", "social handle", "visitor", "chat visitor id");
    List<String> WINDOWS = List.of("7d", "30d", "90d", "all");

    /** The customer's profile; null when profile-service did not answer. */
    Profiles.Profile profile();

    /** The customer's scores and effort; null when scoring-service did not answer. */
    ScoringApi.CustomerScores scores();

    /** Every identifier of the profile, e-mail and phone first. */
    static List<Reach> reach(Profiles.Profile profile) {
        List<Reach> reach = new ArrayList<>();
        if (profile.identifiers() != null) {
            for (String kind : KINDS) {
                for (String value : profile.identifiers().getOrDefault(kind, List.of())) {
                    reach.add(new Reach(WORDS.get(kind), value));
                }
            }
        }
        return reach;
    }

    /** What an alert knows of how to reach its customer, when the profile is not there. */
    static List<Reach> reach(Alerts.Contact contact) {
        List<Reach> reach = new ArrayList<>();
        if (contact != null) {
            addIfSet(reach, WORDS.get("email"), contact.email());
            addIfSet(reach, WORDS.get("phone"), contact.phone());
            addIfSet(reach, WORDS.get("crm"), contact.crmId());
            addIfSet(reach, WORDS.get("handle"), contact.handle());
            addIfSet(reach, WORDS.get("visitor"), contact.chatVisitorId());
        }
        return reach;
    }

    default List<ScoreRow> scoreRows() {
        ScoringApi.CustomerScores scores = scores();
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

    /** The behavioural effort index and its drivers in a sentence; null before the customer has one. */
    default String effortText() {
        ScoringApi.Effort effort = scores() == null ? null : scores().effort();
        if (effort == null || effort.index() == null) {
            return null;
        }
        String drivers = effort.drivers() == null || effort.drivers().isEmpty() ? ""
                : ": " + String.join(", ", effort.drivers().stream().map(Labels::words).toList());
        return "Behavioural effort " + effort.index() + " of 100" + drivers + ".";
    }

    /** The journey, newest first: what happened last is what the call is about. */
    default List<Profiles.JourneyEntry> journeyNewestFirst() {
        Profiles.Profile profile = profile();
        if (profile == null || profile.journey() == null) {
            return List.of();
        }
        List<Profiles.JourneyEntry> newestFirst = new ArrayList<>(profile.journey());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static void addIfSet(List<Reach> reach, String kind, String value) {
        if (value != null && !value.isBlank()) {
            reach.add(new Reach(kind, value));
        }
    }
}
