package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.Events.T0;
import static io.omnipulse.scoring.streams.Events.handled;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.EffortSignal;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.InteractionRef;
import io.omnipulse.scoring.domain.RecentAnswers;
import io.omnipulse.scoring.domain.RecentInteractions;
import io.omnipulse.scoring.domain.SignalCounts;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Records that the release before effort signals wrote (version 1 of the effort state, the effort
 * aggregate and the merge folds) are still read under the same application id: without signals, and
 * counting none. The bytes are what that release's serdes wrote for the values below.
 */
class StoredBeforeSignalsTest {

    static final long AT = 1_736_154_000_000L;
    static final EffortState STATE = new EffortState(45, List.of("2 transfers", "waited 14 min"), Set.of(), AT,
            Channel.CALL, "billing", 2, 125.0);
    static final byte[] STATE_V1 = HexFormat.of().parseHex("01010000002d030c32207472616e73666572730e7761697465642031"
            + "34206d696e000001943ad7aa80040862696c6c696e670000000000000002405f400000000000");
    static final byte[] SUM_V1 = HexFormat.of().parseHex("0100000000000000030000000000000096000000000000000200000000"
            + "0000005a0000000000000fa000000000000010040000000000895440000000000002bf20");
    static final byte[] FOLD_V1 = HexFormat.of().parseHex("0102096d65726765642d31000102000001943ad7aa8007636f6e762d"
            + "31040862696c6c696e6704612d3703000000020000034801010000002d030c32207472616e73666572730e77616974656420"
            + "3134206d696e000001943ad7aa80040862696c6c696e670000000000000002405f400000000000020863726d2f632d310000"
            + "0000000000110001000001943a9aa1800100000001");

    final ScoringDriver scoring = new ScoringDriver();

    @AfterEach
    void close() {
        scoring.close();
    }

    @Test
    void anEffortStateOfVersion1HasNoSignals() {
        EffortState read = InternalSerdes.EFFORT.deserializer().deserialize("t", STATE_V1);

        assertThat(read).isEqualTo(STATE);
        assertThat(read.signals()).isEmpty();
    }

    @Test
    void anEffortAggregateOfVersion1CountsNoSignals() {
        EffortAggregate read = InternalSerdes.EFFORT_SUM.deserializer().deserialize("t", SUM_V1);

        assertThat(read).isEqualTo(new EffortAggregate(3, 150, 2, 90, 4_000, 4_100, 9_000_000, 180_000,
                SignalCounts.NONE));
        assertThat(read.drivers()).isEmpty();
    }

    @Test
    void aMergeFoldOfVersion1CarriesTheCustomerWithoutSignals() {
        CustomerFold customer = new CustomerFold(new RecentInteractions(List.of(new InteractionRef(AT, "conv-1",
                Channel.CALL, "billing", "a-7", InteractionStatus.TRANSFERRED, 2, 840))), RecentAnswers.NONE, STATE,
                Map.of("crm/c-1", 17L));

        assertThat(InternalSerdes.FOLD.deserializer().deserialize("t", FOLD_V1))
                .isEqualTo(MergeFold.customer("merged-1", customer, 1_736_150_000_000L));
    }

    @Test
    void aCustomerStoredBeforeSignalsBringsTheirsAtTheNextInteractionAndTheCountsStayExact() {
        String ann = CustomerKeys.customerId(Events.customer("ann@example.com"));
        String bob = CustomerKeys.customerId(Events.customer("bob@example.com"));
        EffortState annBefore = InternalSerdes.EFFORT.deserializer().deserialize("t", STATE_V1);
        EffortState bobBefore = new EffortState(30, List.of("3 contacts in 48 h"), Set.of(), AT, Channel.CHAT,
                "billing", 0, 0);
        KeyValueStore<String, EffortState> customers = scoring.driver.getKeyValueStore(ScoringTopology.EFFORT_STORE);
        KeyValueStore<String, EffortAggregate> sums = scoring.driver.getKeyValueStore(
                ScoringTopology.EFFORT_AGGREGATES_STORE);
        // The stores as the release before left them: states without signals, sums that count none.
        customers.put(ann, annBefore);
        customers.put(bob, bobBefore);
        for (EffortState state : List.of(annBefore, bobBefore)) {
            EffortAggregate.keysOf(state).forEach(key -> sums.put(key,
                    (sums.get(key) == null ? EffortAggregate.EMPTY : sums.get(key)).plus(EffortAggregate.of(state))));
        }

        scoring.send(handled("a-9", Channel.CALL, "ann@example.com", T0, "conv-9", "billing", "x",
                InteractionStatus.TRANSFERRED, 1, 0));

        EffortState annAfter = customers.get(ann);
        assertThat(annAfter.signals()).containsExactly(EffortSignal.TRANSFERS);
        EffortAggregate team = sums.get("team|billing");
        assertThat(team).isEqualTo(EffortAggregate.of(annAfter).plus(EffortAggregate.of(bobBefore)));
        assertThat(team.signals().of(EffortSignal.TRANSFERS)).isEqualTo(1);
        assertThat(team.share(EffortSignal.TRANSFERS)).isEqualTo(50.0);
        assertThat(sums.get("channel|call")).isEqualTo(EffortAggregate.of(annAfter));
    }
}
