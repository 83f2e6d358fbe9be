package io.omnipulse.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.alerting.domain.OngoingDrop.Observation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OngoingDropTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private final OngoingDrop drops = new OngoingDrop(Duration.ofHours(1));
    private final Observation shown = new Observation(AlertSeverity.HIGH, 12, T0);

    @Test
    void theSameDropSeenAgainWithinTheHourIsNoNews() {
        assertThat(drops.isNews(shown, new Observation(AlertSeverity.HIGH, 12, T0.plusSeconds(1)))).isFalse();
        assertThat(drops.isNews(shown, new Observation(AlertSeverity.HIGH, 15, T0.plus(Duration.ofMinutes(59))))).isFalse();
    }

    @Test
    void aDeeperOrMoreSevereDropIsNewsAtOnce() {
        assertThat(drops.isNews(shown, new Observation(AlertSeverity.HIGH, 11, T0.plusSeconds(1)))).isTrue();
        assertThat(drops.isNews(shown, new Observation(AlertSeverity.CRITICAL, 12, T0.plusSeconds(1)))).isTrue();
    }

    @Test
    void aDropStillThereAnHourAfterTheLatestTriggerIsNews() {
        assertThat(drops.isNews(shown, new Observation(AlertSeverity.HIGH, 14, T0.plus(Duration.ofHours(1))))).isTrue();
    }

    @Test
    void anOlderObservationArrivingLateIsNoNewsUnlessItIsWorse() {
        assertThat(drops.isNews(shown, new Observation(AlertSeverity.HIGH, 12, T0.minus(Duration.ofHours(2))))).isFalse();
        assertThat(drops.isNews(shown, new Observation(AlertSeverity.HIGH, 10, T0.minus(Duration.ofHours(2))))).isTrue();
    }

    @Test
    void aResolvedDropOpensANewAlertOnlyWhenItIsWorseOrAWholeWeekLater() {
        assertThat(drops.reopens(shown, new Observation(AlertSeverity.HIGH, 12, T0.plus(Duration.ofDays(3))))).isFalse();
        assertThat(drops.reopens(shown, new Observation(AlertSeverity.HIGH, 11, T0.plusSeconds(1)))).isTrue();
        assertThat(drops.reopens(shown, new Observation(AlertSeverity.CRITICAL, 14, T0.plusSeconds(1)))).isTrue();
        assertThat(drops.reopens(shown, new Observation(AlertSeverity.HIGH, 14, T0.plus(Duration.ofDays(7))))).isTrue();
    }

    @Test
    void withoutARepeatIntervalEveryLaterObservationIsStored() {
        OngoingDrop everyTime = new OngoingDrop(Duration.ZERO);
        assertThat(everyTime.isNews(shown, new Observation(AlertSeverity.HIGH, 12, T0))).isTrue();
        assertThatThrownBy(() -> new OngoingDrop(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
