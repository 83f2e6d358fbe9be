package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.CustomerState;
import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinarySerde;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.streamsupport.binary.ContactEventCodec;
import io.omnipulse.streamsupport.binary.EnumCodes;
import org.apache.kafka.common.serialization.Serde;

/**
 * The values of this service's own topics (repartitions, merge folds) and stores, in the binary format
 * of streams-support ({@link BinarySerde}: a version byte, then the fields; unknown versions, records
 * cut short and trailing bytes are refused, so the record goes to the dead letters). JSON cost more
 * than the work done on these values; the public topics keep the events module's JSON. Changing a
 * stored layout needs a new version, and either a reader that still reads the old one
 * ({@link BinarySerde#upgraded}) or a new application id (application.properties). Version 1 unless said:
 *
 * <ul>
 * <li>{@link ScopeTotals}: tally ({@link TallyCodec}), late events, window end day (nullable), updated at.
 * <li>{@link EffortAggregate}, version 2: {@link EffortCodec#writeSum}, its eight longs and the customers
 *     per effort signal (version 1, without the signals, was last written under omnipulse-scoring-v7).
 * <li>{@link ScopeUpdate}: kind code (codes 5 and 6, summed responses and retractions, 7 and 8, forget
 *     an erased customer's scope key and report an erasure applied before, were added without a new
 *     version: no record before them had them), the response with a presence byte (feedback
 *     ({@link ContactEventCodec}), occurred at, late), the survivor, the fold with a presence byte
 *     ({@link TallyCodec#writeFold}); then, for kinds 7 and 8 only (the layout of the others is
 *     unchanged), the erasure id (nullable), requested at (instant, nullable) and the count erased so far.
 * <li>{@link MergedInto}: survivor, merged at, merge time (nullable).
 * <li>{@link CustomerState}: {@link CustomerStateCodec#writeState}, the recent interactions, the recent
 *     answers and the effort state with its signals.
 * <li>Day buckets: the tally ({@link TallyCodec}); merge folds: {@link MergeFoldSerde} (version 2).
 * </ul>
 */
final class InternalSerdes {

    static final EnumCodes<ScopeUpdate.Kind> UPDATE_KINDS = EnumCodes.of(ScopeUpdate.Kind.class,
            ScopeUpdate.Kind.RESPONSE, ScopeUpdate.Kind.RETRACTION, ScopeUpdate.Kind.HAND_OVER, ScopeUpdate.Kind.ABSORB,
            ScopeUpdate.Kind.RESPONSES, ScopeUpdate.Kind.RETRACTIONS, ScopeUpdate.Kind.FORGET,
            ScopeUpdate.Kind.ALREADY_ERASED);

    static final Serde<ScopeTotals> TOTALS = BinarySerde.of("scope totals", 1, TallyCodec.TYPICAL_SIZE + 32,
            InternalSerdes::writeTotals, InternalSerdes::readTotals);
    static final Serde<EffortAggregate> EFFORT_SUM = BinarySerde.of("effort aggregate", 2, 1 + 8 * 8 + 1 + 3 * 9,
            EffortCodec::writeSum, EffortCodec::readSum);
    static final Serde<ScopeUpdate> SCOPE_UPDATE = BinarySerde.of("scope update", 1, 64,
            InternalSerdes::writeUpdate, InternalSerdes::readUpdate);
    static final Serde<MergedInto> MERGED = BinarySerde.of("merged customer", 1, 48,
            InternalSerdes::writeMerged, InternalSerdes::readMerged);
    static final Serde<CustomerState> CUSTOMER = BinarySerde.of("customer state", 1, 1024,
            CustomerStateCodec::writeState, CustomerStateCodec::readState);
    // Day buckets: one per scope key and day, and rebuilding a key's trailing windows reads up to 90
    static final Serde<ScoreTally> BUCKET = BinarySerde.of("day bucket", 1, 1 + TallyCodec.TYPICAL_SIZE,
            TallyCodec::writeTally, TallyCodec::readTally);
    static final Serde<MergeFold> FOLD = new MergeFoldSerde();

    private InternalSerdes() {
    }

    private static void writeTotals(BinaryWriter out, ScopeTotals totals) {
        TallyCodec.writeTally(out, totals.all());
        out.i64(totals.lateEvents());
        out.nullableI64(totals.windowEndDay());
        out.i64(totals.updatedAt());
    }

    private static ScopeTotals readTotals(BinaryReader in) {
        return new ScopeTotals(TallyCodec.readTally(in), in.i64(), in.nullableI64(), in.i64());
    }

    private static void writeMerged(BinaryWriter out, MergedInto merged) {
        out.string(merged.survivor()).i64(merged.mergedAt());
        out.nullableI64(merged.mergeTime());
    }

    private static MergedInto readMerged(BinaryReader in) {
        return new MergedInto(in.string(), in.i64(), in.nullableI64());
    }

    private static void writeUpdate(BinaryWriter out, ScopeUpdate update) {
        UPDATE_KINDS.write(out, update.kind());
        ScoredResponse response = update.response();
        out.bool(response != null);
        if (response != null) {
            ContactEventCodec.feedback(out, response.feedback());
            out.i64(response.occurredAt()).bool(response.late());
        }
        out.string(update.survivor());
        out.bool(update.fold() != null);
        if (update.fold() != null) {
            TallyCodec.writeFold(out, update.fold());
        }
        if (update.isErasure()) {
            ScopeUpdate.Erasure erasure = update.erasure() == null ? new ScopeUpdate.Erasure(null, null, 0)
                    : update.erasure();
            out.string(erasure.erasureId()).instant(erasure.requestedAt()).i64(erasure.erased());
        }
    }

    private static ScopeUpdate readUpdate(BinaryReader in) {
        ScopeUpdate.Kind kind = UPDATE_KINDS.read(in);
        ScoredResponse response = in.bool() ? new ScoredResponse(ContactEventCodec.feedback(in), in.i64(), in.bool()) : null;
        String survivor = in.string();
        ScopeFold fold = in.bool() ? TallyCodec.readFold(in) : null;
        ScopeUpdate.Erasure erasure = kind == ScopeUpdate.Kind.FORGET || kind == ScopeUpdate.Kind.ALREADY_ERASED
                ? new ScopeUpdate.Erasure(in.string(), in.instant(), in.i64()) : null;
        return new ScopeUpdate(kind, response, survivor, fold, erasure);
    }
}
