package io.omnipulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mean index and agreement with CES, kept as sums that a customer's change can be taken out of. */
class EffortAggregateTest {

    static EffortState customer(int index, Double ease) {
        return new EffortState(index, List.of(), 0, Channel.CALL, "care", ease == null ? 0 : 1, ease == null ? 0 : ease);
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
}
