package io.omnipulse.scoring.streams;

import io.omnipulse.events.serde.JsonSerde;
import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.ContactEventCodec;
import io.omnipulse.streamsupport.binary.EnumCodes;
import io.omnipulse.streamsupport.binary.BinarySerde;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import java.util.function.Function;

/**
 * The merge-folds topic's values, in binary. Version 2: version byte, kind code ({@link #KINDS}; code 4,
 * an erasure, was appended without a new version: it uses only the fields every record has),
 * merged id, then each of event ({@link ContactEventCodec}), customer state ({@link CustomerStateCodec}) and
 * scope tallies ({@link TallyCodec}) with a presence byte first, merge time and hops (nullable). Version 1
 * is the same without the effort signals in the customer state; this code still reads it, since the
 * topic may hold such folds when version 2 starts (same application id).
 *
 * <p>The topic is provisioned apart from the application id and outlives it, so folds the JSON
 * version wrote may still be on it when this version starts: a record whose first byte is {@code '{'}
 * is read as that JSON (dropping that would lose a merged customer's state). Any other first byte is
 * a version; one this code does not know is refused (dead letter).
 */
final class MergeFoldSerde extends BinarySerde<MergeFold> {

    static final EnumCodes<MergeFold.Kind> KINDS = EnumCodes.of(MergeFold.Kind.class, MergeFold.Kind.EVENT,
            MergeFold.Kind.CUSTOMER, MergeFold.Kind.SCOPE, MergeFold.Kind.ERASE);
    private static final byte LEGACY_JSON = '{';
    private static final JsonSerde<MergeFold> JSON = new JsonSerde<>(MergeFold.class);
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
        return read(in, CustomerStateCodec::readCustomer);
    }

    private static MergeFold read(BinaryReader in, Function<BinaryReader, CustomerFold> customerReader) {
        return new MergeFold(KINDS.read(in), in.string(), ContactEventCodec.read(in),
                in.bool() ? customerReader.apply(in) : null, in.bool() ? TallyCodec.readFold(in) : null,
                in.nullableI64(), in.nullableI32());
    }

    @Override
    protected MergeFold readVersion(byte found, byte[] bytes) {
        if (found == LEGACY_JSON) {
            return JSON.deserialize(null, bytes);
        }
        return found == 1 ? readFields(bytes, in -> read(in, CustomerStateCodec::readCustomerV1))
                : super.readVersion(found, bytes);
    }
}
