package io.omnipulse.scoring.streams;

import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.ContactEventCodec;
import io.omnipulse.streamsupport.binary.EnumCodes;
import io.omnipulse.streamsupport.binary.BinarySerde;
import io.omnipulse.streamsupport.binary.BinaryWriter;

/**
 * The merge-folds topic's values, in binary. Version 2: version byte, kind code ({@link #KINDS}; code 4,
 * an erasure, was appended without a new version: it uses only the fields every record has),
 * merged id, then each of event ({@link ContactEventCodec}), customer state ({@link CustomerStateCodec}) and
 * scope tallies ({@link TallyCodec}) with a presence byte first, merge time and hops (nullable). The topic
 * is named after the application id ({@link ScoringTopology#foldsTopicOf}), so it only ever holds what this
 * format's writers wrote (version 1, without effort signals, and JSON before it were written to the
 * topics of earlier ids); any other version is refused (dead letter).
 */
final class MergeFoldSerde extends BinarySerde<MergeFold> {

    static final EnumCodes<MergeFold.Kind> KINDS = EnumCodes.of(MergeFold.Kind.class, MergeFold.Kind.EVENT,
            MergeFold.Kind.CUSTOMER, MergeFold.Kind.SCOPE, MergeFold.Kind.ERASE);
    private static final int VERSION = 2;

    MergeFoldSerde() {
        super("merge fold", VERSION, 256);
    }

    @Override
    protected void write(BinaryWriter out, MergeFold fold) {
        KINDS.write(out, fold.kind());
        out.string(fold.mergedId());
        ContactEventCodec.write(out, fold.event());
        out.bool(fold.customer() != null);
        if (fold.customer() != null) {
            CustomerStateCodec.writeCustomer(out, fold.customer());
        }
        out.bool(fold.scope() != null);
        if (fold.scope() != null) {
            TallyCodec.writeFold(out, fold.scope());
        }
        out.nullableI64(fold.mergeTime());
        out.nullableI32(fold.hops());
    }

    @Override
    protected MergeFold read(BinaryReader in) {
        return new MergeFold(KINDS.read(in), in.string(), ContactEventCodec.read(in),
                in.bool() ? CustomerStateCodec.readCustomer(in) : null, in.bool() ? TallyCodec.readFold(in) : null,
                in.nullableI64(), in.nullableI32());
    }
}
