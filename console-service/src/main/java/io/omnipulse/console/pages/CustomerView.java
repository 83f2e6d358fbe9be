package io.omnipulse.console.pages;

import io.omnipulse.console.services.Alerts;
import io.omnipulse.console.services.Profiles;
import io.omnipulse.console.services.ScoringApi;
import java.time.Instant;
import java.util.List;

/** One customer's page: who they are, their channels and journey, scores, alerts and merges. */
public record CustomerView(Profiles.Profile profile, ScoringApi.CustomerScores scores, String scoresProblem,
        List<Alerts.Alert> alerts, String alertsProblem, List<Profiles.Merge> merges, Instant now)
        implements CustomerFacts {

    /** A channel's use in words. */
    public record ChannelRow(String channel, long count, Instant firstContact, Instant lastContact) {
    }

    public List<CustomerFacts.Reach> reach() {
        return CustomerFacts.reach(profile);
    }

    public List<ChannelRow> channels() {
        if (profile.channels() == null) {
            return List.of();
        }
        return profile.channels().entrySet().stream()
                .map(e -> new ChannelRow(e.getKey(), e.getValue().count(), e.getValue().firstContact(),
                        e.getValue().lastContact()))
                .sorted((a, b) -> Long.compare(b.count(), a.count()))
                .toList();
    }

    /** The customer's alerts as queue rows. */
    public List<QueueView.Row> alertRows() {
        return alerts.stream().map(alert -> QueueView.Row.of(alert, now)).toList();
    }

    /** Other ids merged into this customer, or the one it merged into. */
    public List<String> mergeLines() {
        return merges.stream().map(m -> m.mergedId().equals(profile.customerId())
                ? "merged into " + m.survivorId() + " on " + Labels.shown(m.mergedAt())
                : m.mergedId() + " merged in on " + Labels.shown(m.mergedAt())).toList();
    }
}
