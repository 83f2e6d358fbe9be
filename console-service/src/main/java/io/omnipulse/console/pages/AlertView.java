package io.omnipulse.console.pages;

import io.omnipulse.console.services.Alerts;
import io.omnipulse.console.services.Profiles;
import io.omnipulse.console.services.ScoringApi;
import java.util.List;

/**
 * Everything a lead needs to call a customer back, on one page: the alert (cause, answer, rated
 * interaction, triggers, audit trail), who the customer is and how to reach them (profile-service),
 * their journey and their scores and effort drivers (scoring-service). A part whose service did not
 * answer says so in {@code *Problem} instead of failing the page.
 */
public record AlertView(Alerts.Alert alert, TimeLeft timeLeft, Profiles.Profile profile, String profileProblem,
        ScoringApi.CustomerScores scores, String scoresProblem, String actionProblem) implements CustomerFacts {

    public static final List<String> OUTCOMES = List.of("contacted", "recovered", "unreachable", "no_action");

    /** The outcomes a person may close an alert with. */
    public List<String> outcomes() {
        return OUTCOMES;
    }

    /**
     * How to reach the customer: every identifier of their profile, e-mail and phone first; the alert's
     * own contact when the profile is not there.
     */
    public List<CustomerFacts.Reach> reach() {
        return profile != null ? CustomerFacts.reach(profile) : CustomerFacts.reach(alert.contact());
    }

    /** The channel they last used: the profile's latest contact, else what the alert knows. */
    public String lastChannel() {
        String fromProfile = profile == null ? null : profile.lastChannel();
        if (fromProfile != null) {
            return fromProfile;
        }
        return alert.contact() == null ? null : alert.contact().lastChannel();
    }
}
