package io.omnipulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.scoring.config.EffortConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behavioural effort index with the documented default weights. */
class EffortFormulaTest {

    record Weights(Duration horizon, Duration repeatWindow, int repeatPoints, int switchPoints, int transferPoints,
            Duration longWait, int longWaitPoints, int abandonedPoints, int reopenedPoints) implements EffortConfig {
    }

    static final Weights DEFAULTS = new Weights(Duration.ofDays(7), Duration.ofHours(48), 15, 15, 10,
            Duration.ofMinutes(10), 10, 15, 20);
    static final long HOUR = 3_600_000L;

    final EffortFormula formula = new EffortFormula(DEFAULTS);

    static InteractionRef contact(long hour, String conversation, Channel channel, InteractionStatus status,
            int transfers, int waitSeconds) {
        return new InteractionRef(hour * HOUR, conversation, channel, "care", "a-1", status, transfers, waitSeconds);
    }

    static InteractionRef resolved(long hour, String conversation, Channel channel) {
        return contact(hour, conversation, channel, InteractionStatus.RESOLVED, 0, 0);
    }

    @Test
    void oneSmoothResolvedContactIsEffortless() {
        assertThat(formula.of(List.of(resolved(0, "c1", Channel.CHAT)))).isEqualTo(new EffortFormula.Result(0, List.of()));
        assertThat(formula.of(List.of())).isEqualTo(EffortFormula.Result.NONE);
    }

    @Test
    void emailThenALongTransferredCallAddsUpAsDocumented() {
        EffortFormula.Result result = formula.of(List.of(
                contact(0, "c1", Channel.EMAIL, InteractionStatus.OPEN, 0, 0),
                contact(20, "c1", Channel.CALL, InteractionStatus.RESOLVED, 2, 14 * 60 + 30)));

        // 15 (2 contacts) + 15 (email then call) + 20 (2 transfers) + 10 (long wait)
        assertThat(result.index()).isEqualTo(60);
        assertThat(result.drivers()).containsExactly("2 contacts in 48 h", "email then call", "2 transfers",
                "waited 14 min");
    }

    @Test
    void threeContactsInTwoDaysAreTwoRepeats() {
        EffortFormula.Result result = formula.of(List.of(resolved(0, "a", Channel.CHAT), resolved(10, "b", Channel.CHAT),
                resolved(47, "c", Channel.CHAT), resolved(120, "d", Channel.CHAT)));

        assertThat(result.drivers()).containsExactly("3 contacts in 48 h");
        assertThat(result.index()).isEqualTo(30);
    }

    @Test
    void contactsOnOneConversationBeyondTheRepeatWindowStillRepeat() {
        EffortFormula.Result result = formula.of(List.of(contact(0, "c1", Channel.EMAIL, InteractionStatus.OPEN, 0, 0),
                contact(60, "c1", Channel.EMAIL, InteractionStatus.OPEN, 0, 0),
                contact(120, "c1", Channel.EMAIL, InteractionStatus.OPEN, 0, 0)));

        assertThat(result.drivers()).containsExactly("3 contacts on one conversation");
        assertThat(result.index()).isEqualTo(30);
    }

    @Test
    void switchingChannelAfterAResolutionIsNoSwitch() {
        EffortFormula.Result result = formula.of(List.of(resolved(0, "a", Channel.EMAIL), resolved(30, "b", Channel.CALL)));

        assertThat(result.drivers()).containsExactly("2 contacts in 48 h");
    }

    @Test
    void abandonedCallAndReopenedConversationAreDrivers() {
        EffortFormula.Result result = formula.of(List.of(resolved(0, "c1", Channel.CHAT),
                contact(100, "c1", Channel.CALL, InteractionStatus.ABANDONED, 0, 0)));

        // 15 (2 contacts on c1) + 15 (abandoned) + 20 (reopened); chat was resolved: no switch
        assertThat(result.drivers()).containsExactly("2 contacts on one conversation", "call abandoned",
                "conversation reopened");
        assertThat(result.index()).isEqualTo(50);
    }

    @Test
    void onlyTheHorizonBeforeTheLatestContactCounts() {
        EffortFormula.Result result = formula.of(List.of(contact(0, "old", Channel.CALL, InteractionStatus.ABANDONED, 3, 3600),
                resolved(24 * 8, "new", Channel.CHAT)));

        assertThat(result).isEqualTo(new EffortFormula.Result(0, List.of()));
    }

    @Test
    void indexIsCappedAt100() {
        EffortFormula.Result result = formula.of(List.of(
                contact(0, "c1", Channel.EMAIL, InteractionStatus.ABANDONED, 0, 1200),
                contact(1, "c1", Channel.CALL, InteractionStatus.TRANSFERRED, 3, 1800),
                contact(2, "c1", Channel.CHAT, InteractionStatus.ABANDONED, 2, 900)));

        assertThat(result.index()).isEqualTo(100);
        assertThat(result.drivers()).containsExactly("3 contacts in 48 h", "email then call", "call then chat",
                "5 transfers", "waited up to 30 min, 3 times", "email abandoned", "chat abandoned");
    }

    @Test
    void weightsAreConfigurable() {
        EffortFormula heavyTransfers = new EffortFormula(new Weights(Duration.ofDays(7), Duration.ofHours(48), 15, 15,
                40, Duration.ofMinutes(10), 10, 15, 20));

        assertThat(heavyTransfers.of(List.of(contact(0, "c", Channel.CALL, InteractionStatus.RESOLVED, 2, 0))))
                .isEqualTo(new EffortFormula.Result(80, List.of("2 transfers")));
    }
}
