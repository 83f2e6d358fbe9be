package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.BinaryFormat.readBoolean;
import static io.omnipulse.scoring.streams.BinaryFormat.readEnum;
import static io.omnipulse.scoring.streams.BinaryFormat.readInteger;
import static io.omnipulse.scoring.streams.BinaryFormat.readString;
import static io.omnipulse.scoring.streams.BinaryFormat.readTally;
import static io.omnipulse.scoring.streams.BinaryFormat.writeBoolean;
import static io.omnipulse.scoring.streams.BinaryFormat.writeEnum;
import static io.omnipulse.scoring.streams.BinaryFormat.writeInteger;
import static io.omnipulse.scoring.streams.BinaryFormat.writeString;
import static io.omnipulse.scoring.streams.BinaryFormat.writeTally;

import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * Binary serdes ({@link BinaryFormat}) of the values that cross the hottest internal hops and stores:
 * the repartition by scope key (one record per response and scope key), the per-scope-key totals (one
 * read and write per such record) and the effort sums (repartition and store). Layouts, version 1:
 *
 * <ul>
 * <li>{@link ScopeTotals}: tally, lateEvents (long), windowEndDay (nullable long), updatedAt (long).
 * <li>{@link EffortAggregate}: its eight longs in declaration order.
 * <li>{@link ScopeUpdate}: kind (enum name); then for RESPONSE and RETRACTION the feedback (metric as
 *     enum name, score nullable int, scale present flag then min and max nullable ints and
 *     higherIsBetter nullable boolean, comment and ratesConversationId nullable strings), occurredAt
 *     (long), late (boolean); for HAND_OVER the survivor (nullable string); for ABSORB the fold: all
 *     (tally), lateEvents, updatedAt (longs), the number of day buckets (int) and per bucket its day
 *     (long) and tally.
 * </ul>
 */
final class InternalSerdes {

    private InternalSerdes() {
    }

    static final Serde<ScopeTotals> TOTALS = BinaryFormat.serde("scope-totals", (byte) 1,
            (out, totals) -> {
                writeTally(out, totals.all());
                out.writeLong(totals.lateEvents());
                out.writeBoolean(totals.windowEndDay() != null);
                if (totals.windowEndDay() != null) {
                    out.writeLong(totals.windowEndDay());
                }
                out.writeLong(totals.updatedAt());
            },
            in -> new ScopeTotals(readTally(in), in.readLong(), in.readBoolean() ? in.readLong() : null, in.readLong()));

    static final Serde<EffortAggregate> EFFORT_SUM = BinaryFormat.serde("effort-aggregate", (byte) 1,
            (out, sum) -> {
                for (long value : new long[] {sum.customers(), sum.indexSum(), sum.pairs(), sum.sumX(), sum.sumY(),
                        sum.sumXX(), sum.sumYY(), sum.sumXY()}) {
                    out.writeLong(value);
                }
            },
            in -> new EffortAggregate(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong(), in.readLong()));

    static final Serde<ScopeUpdate> SCOPE_UPDATE = BinaryFormat.serde("scope-update", (byte) 1,
            InternalSerdes::writeUpdate, InternalSerdes::readUpdate);

    private static void writeUpdate(DataOutputStream out, ScopeUpdate update) throws IOException {
        writeEnum(out, update.kind());
        switch (update.kind()) {
            case RESPONSE, RETRACTION -> {
                ScoredResponse response = update.response();
                writeFeedback(out, response.feedback());
                out.writeLong(response.occurredAt());
                out.writeBoolean(response.late());
            }
            case HAND_OVER -> writeString(out, update.survivor());
            case ABSORB -> {
                ScopeFold fold = update.fold();
                writeTally(out, fold.all());
                out.writeLong(fold.lateEvents());
                out.writeLong(fold.updatedAt());
                out.writeInt(fold.buckets().size());
                for (Map.Entry<Long, ScoreTally> bucket : fold.buckets().entrySet()) {
                    out.writeLong(bucket.getKey());
                    writeTally(out, bucket.getValue());
                }
            }
        }
    }

    private static ScopeUpdate readUpdate(DataInputStream in) throws IOException {
        ScopeUpdate.Kind kind = readEnum(in, ScopeUpdate.Kind::valueOf);
        return switch (kind) {
            case RESPONSE, RETRACTION -> new ScopeUpdate(kind,
                    new ScoredResponse(readFeedback(in), in.readLong(), in.readBoolean()), null, null);
            case HAND_OVER -> ScopeUpdate.handOver(readString(in));
            case ABSORB -> {
                ScoreTally all = readTally(in);
                long lateEvents = in.readLong();
                long updatedAt = in.readLong();
                Map<Long, ScoreTally> buckets = new HashMap<>();
                for (int i = in.readInt(); i > 0; i--) {
                    buckets.put(in.readLong(), readTally(in));
                }
                yield ScopeUpdate.absorb(new ScopeFold(all, lateEvents, updatedAt, buckets));
            }
        };
    }

    private static void writeFeedback(DataOutputStream out, FeedbackDetails feedback) throws IOException {
        out.writeBoolean(feedback != null);
        if (feedback == null) {
            return;
        }
        writeEnum(out, feedback.metric());
        writeInteger(out, feedback.score());
        Scale scale = feedback.scale();
        out.writeBoolean(scale != null);
        if (scale != null) {
            writeInteger(out, scale.min());
            writeInteger(out, scale.max());
            writeBoolean(out, scale.higherIsBetter());
        }
        writeString(out, feedback.comment());
        writeString(out, feedback.ratesConversationId());
    }

    private static FeedbackDetails readFeedback(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        Metric metric = readEnum(in, Metric::valueOf);
        Integer score = readInteger(in);
        Scale scale = in.readBoolean() ? new Scale(readInteger(in), readInteger(in), readBoolean(in)) : null;
        return new FeedbackDetails(metric, score, scale, readString(in), readString(in));
    }
}
