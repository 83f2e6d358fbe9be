package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.Events.T0;
import static io.omnipulse.scoring.streams.Events.answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Metric;
import io.omnipulse.events.ScoreUpdated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The published case studies of shared/cx-domain.md as populations: 30 days of answers at the old
 * NPS, then 30 days at the new one. The 30-day window shows exactly the old NPS at the end of the
 * first month and exactly the new one at the end of the second, with the counts behind it.
 */
class ReferenceScenariosTest {

    /** 100 answers per month: promoters, passives, detractors. */
    @ParameterizedTest(name = "{0}: {4} -> {8}")
    @CsvSource({
        // RICOH Canada: 25 -> 59, detractors kept below 10 % in the second month
        "ricoh, 45, 35, 20, 25.0, 65, 29, 6, 59.0",
        // Maersk Line: -10 -> +30
        "maersk, 30, 30, 40, -10.0, 50, 30, 20, 30.0"})
    void thirtyDayNpsMovesFromTheOldToTheNewScore(String name, int p1, int n1, int d1, double before, int p2, int n2,
            int d2, double after) {
        try (ScoringDriver scoring = new ScoringDriver()) {
            scoring.send(month(name + "-1", -59, p1, n1, d1).toArray(ContactEvent[]::new));
            ScoreUpdated first = scoring.latest().get("global:all:30d");
            assertThat(first.nps()).extracting(ScoreUpdated.Nps::promoters, ScoreUpdated.Nps::passives,
                    ScoreUpdated.Nps::detractors, ScoreUpdated.Nps::n, ScoreUpdated.Nps::score)
                    .containsExactly((long) p1, (long) n1, (long) d1, 100L, before);
            assertThat(first.updatedAt()).isBetween(T0.minus(Duration.ofDays(30)), T0.minus(Duration.ofDays(29)));

            scoring.send(month(name + "-2", -29, p2, n2, d2).toArray(ContactEvent[]::new));
            var latest = scoring.latest();
            ScoreUpdated second = latest.get("global:all:30d");
            assertThat(second.nps()).extracting(ScoreUpdated.Nps::promoters, ScoreUpdated.Nps::passives,
                    ScoreUpdated.Nps::detractors, ScoreUpdated.Nps::n, ScoreUpdated.Nps::score)
                    .containsExactly((long) p2, (long) n2, (long) d2, 100L, after);
            assertThat(latest.get("global:all:90d").nps().n()).isEqualTo(200);
            assertThat(latest.get("global:all:7d").nps().n()).isLessThan(100);
        }
    }

    /** One answer per customer, spread over the 30 days from {@code firstDay} (relative to T0), in time order. */
    static List<ContactEvent> month(String prefix, int firstDay, int promoters, int passives, int detractors) {
        List<ContactEvent> answers = new ArrayList<>();
        int total = promoters + passives + detractors;
        for (int i = 0; i < total; i++) {
            int score = i < promoters ? 9 + i % 2 : i < promoters + passives ? 7 + i % 2 : i % 7;
            var at = T0.plus(Duration.ofDays(firstDay + i % 30)).plus(Duration.ofMinutes(i));
            answers.add(answer(prefix + "-" + i, Channel.values()[i % 4], prefix + "-" + i + "@example.com", at,
                    Metric.NPS, score, null));
        }
        answers.sort(Comparator.comparing(ContactEvent::occurredAt));
        return answers;
    }
}
