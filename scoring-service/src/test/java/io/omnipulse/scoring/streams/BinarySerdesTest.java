package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.InternalSerdesTest.CES_1_0;
import static io.omnipulse.scoring.streams.InternalSerdesTest.TALLY;
import static io.omnipulse.scoring.streams.InternalSerdesTest.refusesOtherVersions;
import static io.omnipulse.scoring.streams.InternalSerdesTest.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.events.serde.JsonSerde;
import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.CustomerState;
import io.omnipulse.scoring.domain.EffortSignal;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.InteractionRef;
import io.omnipulse.scoring.domain.RecentAnswers;
import io.omnipulse.scoring.domain.RecentInteractions;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.scoring.domain.SignalCounts;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.streamsupport.binary.EnumCodes;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/**
 * The binary formats of the customer stores, merged ids, day buckets and merge folds: every field
 * survives a round trip (fully populated, nulls, empty, unicode, instants to the nanosecond), and a
 * record cut short, with bytes left over or of another version is refused for every internal serde.
 */
class BinarySerdesTest {

    static final ContactEvent FULL_INTERACTION = new ContactEvent("e-1 ✓", "crm", EventType.INTERACTION, Channel.CALL,
            Instant.parse("2025-01-06T09:00:00.123456789Z"), new CustomerIds("crm-1", "ann@example.com", "+331",
                    "@ann", "visitor-ü"), "conv-1", "agent-7", "Équipe 🚀",
            new InteractionDetails(Direction.OUTBOUND, InteractionStatus.TRANSFERRED, 30, 600, 2, "subject", "text ß"),
            null, Instant.parse("2025-01-06T09:00:01Z"));
    static final ContactEvent FULL_ANSWER = new ContactEvent("e-2", "survey", EventType.FEEDBACK, Channel.EMAIL,
            Instant.parse("-1000-01-01T00:00:00Z"), CustomerIds.none(), null, null, null, null, CES_1_0, null);
    static final ContactEvent BARE = new ContactEvent(null, null, null, null, null, null, null, null, null,
            new InteractionDetails(null, null, null, null, null, null, null),
            new FeedbackDetails(null, null, null, null, null), null);
    static final InteractionRef REF = new InteractionRef(1_736_154_000_000L, "conv-1", Channel.CHAT, "team ü", "agent",
            InteractionStatus.ABANDONED, 3, -1);
    static final InteractionRef BARE_REF = new InteractionRef(-5, null, null, null, null, null, 0, 0);
    static final EffortState EFFORT = new EffortState(72, List.of("transfers", "wait ⏳"),
            Set.of(EffortSignal.TRANSFERS, EffortSignal.LONG_WAITS, EffortSignal.REOPENED_CONVERSATIONS),
            1_736_154_000_000L, Channel.SOCIAL, "team", 3, 100.0 / 3 + 50.0 / 6);
    static final CustomerFold CUSTOMER = new CustomerFold(new RecentInteractions(List.of(REF, BARE_REF)),
            new RecentAnswers(List.of(new RecentAnswers.Remembered(FULL_ANSWER, true, REF),
                    new RecentAnswers.Remembered(FULL_INTERACTION, false, null))),
            EFFORT, Map.of("crm/e-1", 17L, "survey/ü", -1L));

    @Test
    void customerStateKeepsItsInteractionsAnswersAndSumOfEasesToTheBit() {
        List<RecentInteractions> histories = List.of(new RecentInteractions(List.of(REF, BARE_REF, REF)),
                RecentInteractions.NONE);
        List<RecentAnswers> answers = List.of(CUSTOMER.answers(), RecentAnswers.NONE,
                new RecentAnswers(List.of(new RecentAnswers.Remembered(BARE, false, BARE_REF))));
        List<EffortState> efforts = List.of(EFFORT, EffortState.NONE,
                new EffortState(null, List.of(), Set.of(), Long.MIN_VALUE, null, null, 0, -0.0));
        for (RecentInteractions history : histories) {
            for (RecentAnswers remembered : answers) {
                for (EffortState effort : efforts) {
                    CustomerState state = new CustomerState(history, remembered, effort);
                    CustomerState read = roundTrip(InternalSerdes.CUSTOMER, state, 1);
                    assertThat(read).isEqualTo(state);
                    assertThat(Double.doubleToRawLongBits(read.effort().easeSum()))
                            .isEqualTo(Double.doubleToRawLongBits(effort.easeSum()));
                }
            }
        }
        assertRefused(InternalSerdes.CUSTOMER, new CustomerState(CUSTOMER.interactions(), CUSTOMER.answers(), EFFORT));
    }

    @Test
    void mergedIds() {
        for (MergedInto merged : List.of(new MergedInto("survivor ü", 1_736_154_000_000L, 1_736_150_000_000L),
                MergedInto.livesAgain(7, null), new MergedInto("", -1, Long.MIN_VALUE))) {
            assertThat(roundTrip(InternalSerdes.MERGED, merged)).isEqualTo(merged);
        }
        assertRefused(InternalSerdes.MERGED, new MergedInto("s", 1, 2L));
    }

    @Test
    void dayBuckets() {
        for (ScoreTally tally : List.of(TALLY, ScoreTally.EMPTY)) {
            assertThat(roundTrip(InternalSerdes.BUCKET, tally)).isEqualTo(tally);
        }
        assertRefused(InternalSerdes.BUCKET, TALLY);
    }

    @Test
    void mergeFoldsOfEveryKind() {
        List<MergeFold> folds = List.of(MergeFold.event(FULL_INTERACTION), MergeFold.event(FULL_ANSWER).nextHop(),
                MergeFold.event(BARE), MergeFold.customer("merged ü", CUSTOMER, 1_736_154_000_000L),
                MergeFold.customer("merged", new CustomerFold(null, null, null, null), null),
                MergeFold.scope("merged", new ScopeFold(TALLY, 2, 99, Map.of(20_000L, TALLY, 19_990L, ScoreTally.EMPTY))),
                MergeFold.scope("merged", new ScopeFold(null, 0, 0, null)),
                MergeFold.erase("erased ü", 1_736_154_000_000L), MergeFold.erase("erased", -1).nextHop());
        for (MergeFold fold : folds) {
            assertThat(roundTrip(InternalSerdes.FOLD, fold, 2)).isEqualTo(fold);
        }
        assertRefused(InternalSerdes.FOLD, MergeFold.customer("merged", CUSTOMER, 1L));
        assertRefused(InternalSerdes.FOLD, MergeFold.erase("erased", 1L));
        // Appended: the codes of the kinds before it are what they were.
        assertThat(InternalSerdes.FOLD.serializer().serialize("t", MergeFold.scope("m", new ScopeFold(null, 0, 0, null)))[1])
                .isEqualTo((byte) 3);
        assertThat(InternalSerdes.FOLD.serializer().serialize("t", MergeFold.erase("m", 1L))[1]).isEqualTo((byte) 4);
    }

    @Test
    void aFoldWithoutTheFieldsItsKindNeedsOrWithFieldsItDoesNotCarryIsRefused() {
        // Each: kind code, merged id, event, customer state, scope tallies, time; as version 2 lays them out.
        assertFoldRefused(MergeFoldSerde.EVENT, null, null, null, null, null, "NullPointerException: event");
        assertFoldRefused(MergeFoldSerde.EVENT, "merged", FULL_ANSWER, null, null, null, "cannot carry merged id");
        assertFoldRefused(MergeFoldSerde.CUSTOMER, null, null, CUSTOMER, null, 1L, "NullPointerException: mergedId");
        assertFoldRefused(MergeFoldSerde.CUSTOMER, "merged", FULL_ANSWER, CUSTOMER, null, 1L, "cannot carry event");
        assertFoldRefused(MergeFoldSerde.TALLIES, "merged", null, null, null, null, "NullPointerException: scope");
        assertFoldRefused(MergeFoldSerde.TALLIES, "merged", null, null, new ScopeFold(null, 0, 0, null), 1L,
                "cannot carry time");
        assertFoldRefused(MergeFoldSerde.ERASE, "erased", null, null, null, null, "needs a time");
        assertFoldRefused(MergeFoldSerde.ERASE, "erased", null, CUSTOMER, null, 1L, "cannot carry customer state");
        assertFoldRefused(0, "merged", FULL_ANSWER, null, null, null, "unknown merge fold kind 0");
        assertFoldRefused(5, "merged", FULL_ANSWER, null, null, null, "unknown merge fold kind 5");
    }

    private static void assertFoldRefused(int kind, String mergedId, ContactEvent event, CustomerFold customer,
            ScopeFold scope, Long time, String why) {
        BinaryWriter out = new BinaryWriter(64).u8(2);
        MergeFoldSerde.write(out, kind, mergedId, event, customer, scope, time, 1);
        byte[] bytes = out.toByteArray();
        assertThatThrownBy(() -> InternalSerdes.FOLD.deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class).hasStackTraceContaining(why);
    }

    @Test
    void foldsInTheJsonOfEarlierIdsAreRefused() {
        // They were only ever written to the merge-folds topics of earlier application ids.
        MergeFold fold = MergeFold.customer("merged", CUSTOMER, 1_736_154_000_000L);
        byte[] json = new JsonSerde<>(MergeFold.class).serializer().serialize("t", fold);

        assertThatThrownBy(() -> InternalSerdes.FOLD.deserializer().deserialize("t", json))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown merge fold format version");
    }

    @Test
    void everyInternalSerdeRefusesCutShortTrailingAndUnknownRecords() {
        assertRefused(InternalSerdes.TOTALS, new ScopeTotals(TALLY, 3, 20_000L, 1L));
        assertRefused(InternalSerdes.EFFORT_SUM, new EffortAggregate(1, 2, 3, 4, 5, 6, 7, 8,
                new SignalCounts(Map.of(EffortSignal.ABANDONED_CONTACTS, 1L, EffortSignal.LONG_WAITS, -4L))));
        assertRefused(InternalSerdes.SCOPE_UPDATE, ScopeUpdate.response(new ScoredResponse(CES_1_0, 1, true)));
        assertRefused(InternalSerdes.SCOPE_UPDATE, ScopeUpdate.forget(new ScopeUpdate.Erasure("e-1", Instant.EPOCH, 3)));
    }

    @Test
    void anUnknownEnumCodeIsRefused() {
        byte[] bytes = InternalSerdes.SCOPE_UPDATE.serializer().serialize("t", ScopeUpdate.handOver("x"));
        bytes[1] = 99;
        assertThatThrownBy(() -> InternalSerdes.SCOPE_UPDATE.deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown Kind code");
    }

    @Test
    void enumCodesCoverEveryConstantOnce() {
        assertThatThrownBy(() -> EnumCodes.of(Metric.class, Metric.NPS, Metric.CES))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EnumCodes.of(Metric.class, Metric.NPS, Metric.CES, Metric.CES))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTopologyKeepsNoJsonOnItsInternalHops() {
        assertThat(List.of(ScoringTopology.FOLD_SERDE, ScoringTopology.MERGED_SERDE, ScoringTopology.CUSTOMER_SERDE,
                ScoringTopology.BUCKET_SERDE,
                ScoringTopology.SCOPE_UPDATE_SERDE, ScoringTopology.TOTALS_SERDE, ScoringTopology.EFFORT_SUM_SERDE))
                .allSatisfy(serde -> assertThat(serde).isInstanceOf(io.omnipulse.streamsupport.binary.BinarySerde.class));
    }

    /** Other versions, every truncation and one trailing byte are all a SerializationException. */
    private static <T> void assertRefused(Serde<T> serde, T value) {
        refusesOtherVersions(serde, value);
        byte[] bytes = serde.serializer().serialize("t", value);
        for (int length = 1; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> serde.deserializer().deserialize("t", cut)).as("cut to %d bytes", length)
                    .isInstanceOf(SerializationException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", longer))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unexpected bytes");
    }
}
