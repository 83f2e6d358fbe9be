package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.Events.T0;
import static io.omnipulse.scoring.streams.Events.answer;
import static io.omnipulse.scoring.streams.Events.handled;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.EffortSignal;
import io.omnipulse.scoring.domain.EffortState;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The effort index per customer from the interaction stream, its aggregates and its agreement with CES. */
class EffortTopologyTest {

    static final String ANN = "ann@example.com";

    final ScoringDriver scoring = new ScoringDriver();

    @AfterEach
    void close() {
        scoring.close();
    }

    static String id(String email) {
        return CustomerKeys.customerId(Events.customer(email));
    }


    EffortAggregate aggregate(String scopeKey) {
        return scoring.driver.<String, EffortAggregate>getKeyValueStore(ScoringTopology.EFFORT_AGGREGATES_STORE)
                .get(scopeKey);
    }

    @Test
    void emailThenATransferredCallWithALongWaitPublishesTheIndexWithItsDrivers() {
        scoring.send(handled("m-1", Channel.EMAIL, ANN, T0, "conv-1", "care", "a-1", InteractionStatus.OPEN, 0, 0),
                handled("c-1", Channel.CALL, ANN, T0.plus(Duration.ofHours(20)), "conv-1", "billing", "a-7",
                        InteractionStatus.RESOLVED, 2, 14 * 60));

        List<EffortIndexUpdated> published = scoring.effort.readValuesToList();
        assertThat(published).extracting(EffortIndexUpdated::index).containsExactly(0, 60);
        EffortIndexUpdated last = published.get(1);
        assertThat(last.customerId()).isEqualTo(id(ANN));
        assertThat(last.drivers()).containsExactly("2 contacts in 48 h", "email then call", "2 transfers",
                "waited 14 min");
        assertThat(last.updatedAt()).isEqualTo(T0.plus(Duration.ofHours(20)));
        EffortState stored = scoring.effortOf(id(ANN));
        assertThat(stored.index()).isEqualTo(60);
        assertThat(stored.channel()).isEqualTo(Channel.CALL);
        assertThat(stored.team()).isEqualTo("billing");
    }

    @Test
    void anUnchangedIndexIsNotPublishedAgainAndReSendsCountOnce() {
        var first = handled("c-1", Channel.CALL, ANN, T0, "conv-1", "care", "a-1", InteractionStatus.ABANDONED, 0, 0);
        scoring.send(first, first, answer("s-1", Channel.EMAIL, ANN, T0.plusSeconds(60), Metric.CSAT, 2, null));

        assertThat(scoring.effort.readValuesToList()).extracting(EffortIndexUpdated::index).containsExactly(15);
    }

    @Test
    void anOutOfOrderContactGivesTheSameIndexAsInOrder() {
        var email = handled("m-1", Channel.EMAIL, ANN, T0, "conv-1", "care", "a-1", InteractionStatus.OPEN, 0, 0);
        var call = handled("c-1", Channel.CALL, ANN, T0.plus(Duration.ofHours(3)), "conv-1", "care", "a-2",
                InteractionStatus.RESOLVED, 0, 0);
        scoring.send(call, email);

        assertThat(scoring.effortOf(id(ANN)).drivers()).containsExactly("2 contacts in 48 h", "email then call");
        assertThat(scoring.effortOf(id(ANN)).index()).isEqualTo(30);
    }

    @Test
    void channelAndTeamMeansFollowEachCustomersLatestContact() {
        scoring.send(handled("a-1", Channel.CALL, ANN, T0, "c1", "care", "x", InteractionStatus.TRANSFERRED, 2, 0),
                handled("b-1", Channel.CALL, "bob@example.com", T0, "c2", "care", "y", InteractionStatus.RESOLVED, 0, 0));

        assertThat(aggregate("channel|call").customers()).isEqualTo(2);
        assertThat(aggregate("channel|call").meanIndex()).isEqualTo(10.0);
        assertThat(aggregate("team|care").meanIndex()).isEqualTo(10.0);
        assertThat(aggregate("global|all").customers()).isEqualTo(2);

        // Ann's latest contact is now a chat with team sales: she leaves call and care.
        scoring.send(handled("a-2", Channel.CHAT, ANN, T0.plus(Duration.ofDays(10)), "c3", "sales", "z",
                InteractionStatus.RESOLVED, 0, 0));

        assertThat(aggregate("channel|call").customers()).isEqualTo(1);
        assertThat(aggregate("channel|call").meanIndex()).isEqualTo(0.0);
        assertThat(aggregate("channel|chat").meanIndex()).isEqualTo(0.0);
        assertThat(aggregate("team|sales").customers()).isEqualTo(1);
        assertThat(aggregate("global|all").customers()).isEqualTo(2);
    }

    @Test
    void aTeamsDriversCountItsCustomersWithEachSignalAndFollowThemWhenTheyMove() {
        // Ann: email then a transferred call with a long wait; Bob: one smooth call; Carl: an abandoned call.
        scoring.send(handled("a-1", Channel.EMAIL, ANN, T0, "c1", "billing", "x", InteractionStatus.OPEN, 0, 0),
                handled("a-2", Channel.CALL, ANN, T0.plus(Duration.ofHours(2)), "c1", "billing", "y",
                        InteractionStatus.RESOLVED, 1, 15 * 60),
                handled("b-1", Channel.CALL, "bob@example.com", T0, "c2", "billing", "y", InteractionStatus.RESOLVED,
                        0, 0),
                handled("c-1", Channel.CALL, "carl@example.com", T0, "c3", "billing", "y", InteractionStatus.ABANDONED,
                        0, 0));

        EffortAggregate billing = aggregate("team|billing");
        assertThat(billing.customers()).isEqualTo(3);
        assertThat(billing.drivers()).containsExactly(EffortSignal.REPEAT_CONTACTS, EffortSignal.CHANNEL_SWITCHES,
                EffortSignal.TRANSFERS, EffortSignal.LONG_WAITS, EffortSignal.ABANDONED_CONTACTS);
        assertThat(billing.signals().of(EffortSignal.TRANSFERS)).isEqualTo(1);
        assertThat(billing.share(EffortSignal.TRANSFERS)).isEqualTo(33.3);
        assertThat(scoring.effortOf(id(ANN)).signals()).containsExactly(EffortSignal.REPEAT_CONTACTS,
                EffortSignal.CHANNEL_SWITCHES, EffortSignal.TRANSFERS, EffortSignal.LONG_WAITS);
        // A CES answer changes Ann's state, not what drove her index.
        scoring.send(answer("s-1", Channel.EMAIL, ANN, T0.plus(Duration.ofHours(3)), Metric.CES, 2, "c1"));
        assertThat(aggregate("team|billing").signals()).isEqualTo(billing.signals());
        assertThat(aggregate("team|billing").pairs()).isEqualTo(1);

        // Ann's latest contact, days later, is a smooth chat with sales: she takes her signals there, and
        // the horizon has left her old contacts behind, so she brings none.
        scoring.send(handled("a-3", Channel.CHAT, ANN, T0.plus(Duration.ofDays(10)), "c4", "sales", "z",
                InteractionStatus.RESOLVED, 0, 0));

        billing = aggregate("team|billing");
        assertThat(billing.customers()).isEqualTo(2);
        assertThat(billing.drivers()).containsExactly(EffortSignal.ABANDONED_CONTACTS);
        assertThat(billing.share(EffortSignal.ABANDONED_CONTACTS)).isEqualTo(50.0);
        assertThat(aggregate("team|sales").customers()).isEqualTo(1);
        assertThat(aggregate("team|sales").drivers()).isEmpty();
        assertThat(aggregate("global|all").drivers()).containsExactly(EffortSignal.ABANDONED_CONTACTS);
    }

    @Test
    void whereEffortDrivesCesTheAgreementIsStronglyPositive() {
        Random random = new Random(11);
        for (int c = 0; c < 80; c++) {
            String email = "driven-" + c + "@example.com";
            int transfers = random.nextInt(6);
            scoring.send(handled("i-" + c, Channel.CALL, email, T0, "conv", "care", "a", InteractionStatus.RESOLVED,
                    transfers, 0));
            // CES 2.0: 7 = easy. Each transfer costs about one point, with a little noise.
            int ease = Math.max(1, Math.min(7, 7 - transfers + random.nextInt(3) - 1));
            scoring.send(answer("s-" + c, Channel.EMAIL, email, T0.plusSeconds(600), Metric.CES, ease, "conv"));
        }

        EffortAggregate global = aggregate("global|all");
        assertThat(global.pairs()).isEqualTo(80);
        assertThat(global.pearson()).isGreaterThan(0.8);
    }

    @Test
    void whereCesIsUnrelatedToEffortTheAgreementIsWeak() {
        Random random = new Random(12);
        for (int c = 0; c < 200; c++) {
            String email = "unrelated-" + c + "@example.com";
            scoring.send(handled("i-" + c, Channel.CALL, email, T0, "conv", "care", "a", InteractionStatus.RESOLVED,
                    random.nextInt(6), 0));
            scoring.send(answer("s-" + c, Channel.EMAIL, email, T0.plusSeconds(600), Metric.CES, 1 + random.nextInt(7),
                    "conv"));
        }

        EffortAggregate global = aggregate("global|all");
        assertThat(global.pairs()).isEqualTo(200);
        assertThat(Math.abs(global.pearson())).isLessThan(0.3);
    }
}
