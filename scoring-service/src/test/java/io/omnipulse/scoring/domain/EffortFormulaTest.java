package io.omnipulse.scoring.domain;

import static io.omnipulse.scoring.domain.EffortSignal.ABANDONED_CONTACTS;
import static io.omnipulse.scoring.domain.EffortSignal.CHANNEL_SWITCHES;
import static io.omnipulse.scoring.domain.EffortSignal.LONG_WAITS;
import static io.omnipulse.scoring.domain.EffortSignal.REOPENED_CONVERSATIONS;
import static io.omnipulse.scoring.domain.EffortSignal.REPEAT_CONTACTS;
import static io.omnipulse.scoring.domain.EffortSignal.TRANSFERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.scoring.config.EffortConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
        assertThat(formula.of(List.of(resolved(0, "c1", Channel.CHAT))))
                .isEqualTo(new EffortFormula.Result(0, List.of(), Set.of()));
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
        assertThat(result.signals()).containsExactly(REPEAT_CONTACTS, CHANNEL_SWITCHES, TRANSFERS, LONG_WAITS);
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
        assertThat(result.signals()).containsExactly(REPEAT_CONTACTS);
        assertThat(result.index()).isEqualTo(30);
    }

    @Test
    void switchingChannelAfterAResolutionIsNoSwitch() {
        EffortFormula.Result result = formula.of(List.of(resolved(0, "a", Channel.EMAIL), resolved(30, "b", Channel.CALL)));

        assertThat(result.drivers()).containsExactly("2 contacts in 48 h");
        assertThat(result.signals()).containsExactly(REPEAT_CONTACTS);
    }

    @Test
    void abandonedCallAndReopenedConversationAreDrivers() {
        EffortFormula.Result result = formula.of(List.of(resolved(0, "c1", Channel.CHAT),
                contact(100, "c1", Channel.CALL, InteractionStatus.ABANDONED, 0, 0)));

        // 15 (2 contacts on c1) + 15 (abandoned) + 20 (reopened); chat was resolved: no switch
        assertThat(result.drivers()).containsExactly("2 contacts on one conversation", "call abandoned",
                "conversation reopened");
        assertThat(result.signals()).containsExactly(REPEAT_CONTACTS, ABANDONED_CONTACTS, REOPENED_CONVERSATIONS);
        assertThat(result.index()).isEqualTo(50);
    }

    @Test
    void onlyTheHorizonBeforeTheLatestContactCounts() {
        EffortFormula.Result result = formula.of(List.of(contact(0, "old", Channel.CALL, InteractionStatus.ABANDONED, 3, 3600),
                resolved(24 * 8, "new", Channel.CHAT)));

        assertThat(result).isEqualTo(new EffortFormula.Result(0, List.of(), Set.of()));
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
        // Past the cap every signal still drives the index.
        assertThat(result.signals()).containsExactly(REPEAT_CONTACTS, CHANNEL_SWITCHES, TRANSFERS, LONG_WAITS,
                ABANDONED_CONTACTS);
    }

    @Test
    void weightsAreConfigurable() {
        EffortFormula heavyTransfers = new EffortFormula(new Weights(Duration.ofDays(7), Duration.ofHours(48), 15, 15,
                40, Duration.ofMinutes(10), 10, 15, 20));

        assertThat(heavyTransfers.of(List.of(contact(0, "c", Channel.CALL, InteractionStatus.RESOLVED, 2, 0))))
                .isEqualTo(new EffortFormula.Result(80, List.of("2 transfers"), Set.of(TRANSFERS)));
    }

    @Test
    void aSignalWeighedZeroIsDescribedButDrivesNothing() {
        EffortFormula waitsFree = new EffortFormula(new Weights(Duration.ofDays(7), Duration.ofHours(48), 15, 15, 10,
                Duration.ofMinutes(10), 0, 15, 20));

        EffortFormula.Result result = waitsFree.of(List.of(contact(0, "c", Channel.CALL, InteractionStatus.TRANSFERRED,
                1, 20 * 60)));

        assertThat(result.drivers()).containsExactly("1 transfer", "waited 20 min");
        assertThat(result.signals()).containsExactly(TRANSFERS);
        assertThat(result.index()).isEqualTo(10);
    }

    @Test
    void eachSignalAloneIsReportedAsItself() {
        assertThat(formula.of(List.of(resolved(0, "a", Channel.CHAT), resolved(1, "b", Channel.CHAT))).signals())
                .containsExactly(REPEAT_CONTACTS);
        assertThat(formula.of(List.of(contact(0, "a", Channel.CALL, InteractionStatus.RESOLVED, 0, 600))).signals())
                .containsExactly(LONG_WAITS);
        assertThat(formula.of(List.of(contact(0, "a", Channel.CHAT, InteractionStatus.ABANDONED, 0, 0))).signals())
                .containsExactly(ABANDONED_CONTACTS);
        assertThat(formula.of(List.of(contact(0, "a", Channel.CALL, InteractionStatus.TRANSFERRED, 0, 0))).signals())
                .containsExactly(TRANSFERS);
        // A switch and a reopening need two contacts, hence a repeat as well.
        assertThat(formula.of(List.of(contact(0, "a", Channel.EMAIL, InteractionStatus.OPEN, 0, 0),
                contact(1, "b", Channel.CALL, InteractionStatus.OPEN, 0, 0))).signals())
                .containsExactly(REPEAT_CONTACTS, CHANNEL_SWITCHES);
        assertThat(formula.of(List.of(resolved(0, "a", Channel.CHAT), resolved(100, "a", Channel.CHAT))).signals())
                .containsExactly(REPEAT_CONTACTS, REOPENED_CONVERSATIONS);
    }
}
