package io.omnipulse.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deadlines in words, and the queue's filters as the page keeps them and alerting-service reads them. */
class QueueWordsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void aDeadlineAheadIsTimeLeftInTwoUnitsAtMost() {
        assertThat(TimeLeft.until(NOW.plus(Duration.ofMinutes(192)), NOW).text()).isEqualTo("3 h 12 min left");
        assertThat(TimeLeft.until(NOW.plus(Duration.ofHours(52)), NOW).text()).isEqualTo("2 d 4 h left");
        assertThat(TimeLeft.until(NOW.plusSeconds(30), NOW).text()).isEqualTo("under a minute left");
        assertThat(TimeLeft.until(NOW.plusSeconds(30), NOW).overdue()).isFalse();
    }

    @Test
    void aDeadlinePassedIsOverdue() {
        TimeLeft late = TimeLeft.until(NOW.minus(Duration.ofMinutes(45)), NOW);
        assertThat(late.overdue()).isTrue();
        assertThat(late.text()).isEqualTo("overdue by 45 min");
    }

    @Test
    void noDeadlineIsNothingToShow() {
        assertThat(TimeLeft.until(null, NOW)).isEqualTo(TimeLeft.NONE);
    }

    @Test
    void aTotalCountedOnlyInPartIsShownAsALowerBound() {
        QueueFilters filters = QueueFilters.of(null, null, null, null, null);
        QueueView counted = new QueueView(filters, List.of(), 1000, false, 0, 20, null);
        assertThat(counted.totalShown()).isEqualTo("1000+");
        assertThat(counted.pagesShown()).isEqualTo("20+");
        assertThat(counted.hasNext()).isTrue();
        QueueView exact = new QueueView(filters, List.of(), 37, true, 0, 1, null);
        assertThat(exact.totalShown()).isEqualTo("37");
        assertThat(exact.pagesShown()).isEqualTo("1");
        assertThat(exact.hasNext()).isFalse();
    }

    @Test
    void filtersKeepTheirChoicesAcrossPagesAndAskAlertingForEveryUnresolvedStatus() {
        QueueFilters filters = QueueFilters.of(" billing & co ", "DETRACTOR", null, null, null);
        assertThat(filters.query()).isEqualTo("team=billing+%26+co&cause=detractor&status=unresolved&sort=urgency");
        assertThat(filters.apiStatus()).isEqualTo("open,acknowledged,escalated");
        assertThat(QueueFilters.of(null, null, null, "resolved", "newest").apiStatus()).isEqualTo("resolved");
        assertThat(QueueFilters.of("x".repeat(500), null, null, null, null).team()).hasSize(QueueFilters.MAX_TEAM);
    }
}
