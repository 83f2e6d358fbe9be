package io.omnipulse.scoring.streams;

import io.omnipulse.scoring.domain.CesCounts;
import io.omnipulse.scoring.domain.CsatCounts;
import io.omnipulse.scoring.domain.NpsCounts;
import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one layout of a tally in this service's binary formats (day buckets, scope totals, folds of a
 * merged customer's scope key): NPS promoters, passives, detractors, CSAT n, satisfied, CES n, high
 * effort (i64 each), then the number of CES ranges (count + 1) and per range its width (i32) and sum
 * of steps (i64), in ascending width.
 */
final class TallyCodec {

    /** Bytes of a tally with one CES range, to size a writer's buffer. */
    static final int TYPICAL_SIZE = 7 * 8 + 1 + 12;

    private TallyCodec() {
    }

    static void writeTally(BinaryWriter out, ScoreTally tally) {
        out.i64(tally.nps().promoters()).i64(tally.nps().passives()).i64(tally.nps().detractors());
        out.i64(tally.csat().n()).i64(tally.csat().satisfied());
        out.i64(tally.ces().n()).i64(tally.ces().highEffort());
        SortedMap<Integer, Long> steps = tally.ces().stepsByRange();
        out.varint(steps.size() + 1);
        steps.forEach((range, sum) -> out.i32(range).i64(sum));
    }

    static ScoreTally readTally(BinaryReader in) {
        NpsCounts nps = new NpsCounts(in.i64(), in.i64(), in.i64());
        CsatCounts csat = new CsatCounts(in.i64(), in.i64());
        long cesN = in.i64();
        long highEffort = in.i64();
        TreeMap<Integer, Long> steps = new TreeMap<>();
        for (int i = in.count(); i > 0; i--) {
            steps.put(in.i32(), in.i64());
        }
        return new ScoreTally(nps, new CesCounts(cesN, highEffort, steps), csat);
    }

    /** A merged customer's scope key: all-time tally, late events, updated at, then (count + 1) days with their tallies. */
    static void writeFold(BinaryWriter out, ScopeFold fold) {
        writeTally(out, fold.all());
        out.i64(fold.lateEvents()).i64(fold.updatedAt());
        out.varint(fold.buckets().size() + 1);
        fold.buckets().forEach((day, tally) -> {
            out.i64(day);
            writeTally(out, tally);
        });
    }

    static ScopeFold readFold(BinaryReader in) {
        ScoreTally all = readTally(in);
        long lateEvents = in.i64();
        long updatedAt = in.i64();
        Map<Long, ScoreTally> buckets = new HashMap<>();
        for (int i = in.count(); i > 0; i--) {
            buckets.put(in.i64(), readTally(in));
        }
        return new ScopeFold(all, lateEvents, updatedAt, buckets);
    }
}
