package io.omnipulse.scoring.domain;

import static io.omnipulse.scoring.domain.EffortSignal.CHANNEL_SWITCHES;
import static io.omnipulse.scoring.domain.EffortSignal.LONG_WAITS;
import static io.omnipulse.scoring.domain.EffortSignal.REPEAT_CONTACTS;
import static io.omnipulse.scoring.domain.EffortSignal.TRANSFERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mean index, drivers and agreement with CES, kept as sums that a customer's change can be taken out of. */
class EffortAggregateTest {

    static EffortState customer(int index, Double ease) {
        return customer(index, ease, Set.of());
    }

    static EffortState customer(int index, Double ease, Set<EffortSignal> signals) {
        return new EffortState(index, List.of(), signals, 0, Channel.CALL, "care", ease == null ? 0 : 1,
                ease == null ? 0 : ease);
    }

    static EffortAggregate sum(EffortState... states) {
        EffortAggregate sum = EffortAggregate.EMPTY;
        for (EffortState s : states) {
            sum = sum.plus(EffortAggregate.of(s));
        }
        return sum;
    }

    @Test
    void effortThatDrivesHardnessAgreesFully() {
        EffortAggregate sum = sum(customer(0, 100.0), customer(50, 50.0), customer(100, 0.0), customer(20, null));

        assertThat(sum.customers()).isEqualTo(4);
        assertThat(sum.meanIndex()).isEqualTo(42.5);
        assertThat(sum.pairs()).isEqualTo(3);
        assertThat(sum.pearson()).isEqualTo(1.0);
    }

    @Test
    void takingAContributionOutRestoresTheSum() {
        EffortAggregate before = sum(customer(10, 80.0), customer(70, 20.0));

        assertThat(before.plus(EffortAggregate.of(customer(40, 60.0))).minus(EffortAggregate.of(customer(40, 60.0))))
                .isEqualTo(before);
        assertThat(before.minus(before).addsNothing()).isTrue();
    }

    @Test
    void noAgreementBelowTwoPairsOrWithoutSpread() {
        assertThat(sum(customer(10, 50.0)).pearson()).isNull();
        assertThat(sum(customer(10, 50.0), customer(10, 20.0)).pearson()).isNull();
    }

    @Test
    void driversCountTheCustomersWithEachSignalMostCommonFirst() {
        EffortAggregate sum = sum(customer(30, null, Set.of(REPEAT_CONTACTS, CHANNEL_SWITCHES)),
                customer(15, null, Set.of(REPEAT_CONTACTS)), customer(40, null, Set.of(TRANSFERS, REPEAT_CONTACTS)),
                customer(0, null, Set.of()));

        assertThat(sum.drivers()).containsExactly(REPEAT_CONTACTS, CHANNEL_SWITCHES, TRANSFERS);
        assertThat(sum.signals().of(REPEAT_CONTACTS)).isEqualTo(3);
        assertThat(sum.share(REPEAT_CONTACTS)).isEqualTo(75.0);
        assertThat(sum.share(CHANNEL_SWITCHES)).isEqualTo(25.0);
        assertThat(sum.share(LONG_WAITS)).isEqualTo(0.0);
    }

    @Test
    void sharesHaveOneDecimalOfTheCustomersWithAnIndex() {
        EffortAggregate sum = sum(customer(10, null, Set.of(LONG_WAITS)), customer(0, null, Set.of()),
                customer(0, null, Set.of()));

        assertThat(sum.share(LONG_WAITS)).isEqualTo(33.3);
        assertThat(EffortAggregate.EMPTY.share(LONG_WAITS)).isNull();
        assertThat(EffortAggregate.EMPTY.drivers()).isEmpty();
    }

    @Test
    void aChangedIndexTakesItsOldSignalsOutExactly() {
        EffortState before = customer(30, 50.0, Set.of(REPEAT_CONTACTS, TRANSFERS));
        EffortState after = customer(10, 50.0, Set.of(LONG_WAITS));
        EffortAggregate others = sum(customer(15, null, Set.of(REPEAT_CONTACTS)));

        EffortAggregate changed = others.plus(EffortAggregate.of(before)).minus(EffortAggregate.of(before))
                .plus(EffortAggregate.of(after));

        assertThat(changed).isEqualTo(sum(customer(15, null, Set.of(REPEAT_CONTACTS)), after));
        assertThat(changed.drivers()).containsExactly(REPEAT_CONTACTS, LONG_WAITS);
        assertThat(changed.minus(changed).addsNothing()).isTrue();
    }

    @Test
    void aStateWithoutAnIndexCountsNoSignal() {
        EffortState answeredOnly = new EffortState(null, List.of(), Set.of(TRANSFERS), 0, null, null, 1, 50.0);

        assertThat(EffortAggregate.of(answeredOnly)).isEqualTo(EffortAggregate.EMPTY);
    }
}
