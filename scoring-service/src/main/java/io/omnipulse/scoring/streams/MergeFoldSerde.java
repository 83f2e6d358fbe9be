package io.omnipulse.scoring.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinarySerde;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.streamsupport.binary.ContactEventCodec;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The merge-folds topic's values, in binary. Version 2: version byte, kind code (1 event, 2 customer
 * state, 3 customer-scope tallies, 4 erasure; 4 was appended without a new version: it uses only the
 * fields every record has), merged id (the erased customer, on an erasure), then each of event
 * ({@link ContactEventCodec}), customer state ({@link CustomerStateCodec}) and scope tallies
 * ({@link TallyCodec}) with a presence byte first, merge time (the request time, on an erasure) and hops
 * (nullable; absent on an event that has not been round yet). Each kind carries only its own fields: a
 * record that lacks one its kind needs or has one it does not carry is refused, as is any other
 * version. The topic is named after the application id ({@link ScoringTopology#foldsTopicOf}), so it
 * only ever holds what this format's writers wrote (version 1, without effort signals, and JSON before
 * it were written to the topics of earlier ids).
 */
final class MergeFoldSerde extends BinarySerde<MergeFold> {

    static final int EVENT = 1;
    static final int CUSTOMER = 2;
    static final int TALLIES = 3;
    static final int ERASE = 4;
    private static final int VERSION = 2;

    MergeFoldSerde() {
        super("merge fold", VERSION, 256);
    }

    @Override
    protected void write(BinaryWriter out, MergeFold fold) {
        if (fold instanceof MergeFold.Event e) {
            write(out, EVENT, null, e.event(), null, null, null, e.hops());
        } else if (fold instanceof MergeFold.Customer c) {
            write(out, CUSTOMER, c.mergedId(), null, c.customer(), null, c.mergeTime(), c.hops());
        } else if (fold instanceof MergeFold.Tallies t) {
            write(out, TALLIES, t.mergedId(), null, null, t.scope(), null, t.hops());
        } else {
            MergeFold.Erase e = (MergeFold.Erase) fold;
            write(out, ERASE, e.erased(), null, null, null, e.requestedAt(), e.hops());
        }
    }

    /** Any combination of fields under any kind code: the layout every kind shares (tests write refused ones). */
    static void write(BinaryWriter out, int kind, String mergedId, ContactEvent event, CustomerFold customer,
            ScopeFold scope, Long time, int hops) {
        out.u8(kind);
        out.string(mergedId);
        ContactEventCodec.write(out, event);
        out.bool(customer != null);
        if (customer != null) {
            CustomerStateCodec.writeCustomer(out, customer);
        }
        out.bool(scope != null);
        if (scope != null) {
            TallyCodec.writeFold(out, scope);
        }
        out.nullableI64(time);
        // An event not yet sent round had no hop count: written as before, absent.
        out.nullableI32(hops == 0 ? null : hops);
    }

    @Override
    protected MergeFold read(BinaryReader in) {
        int kind = in.u8();
        String mergedId = in.string();
        ContactEvent event = ContactEventCodec.read(in);
        CustomerFold customer = in.bool() ? CustomerStateCodec.readCustomer(in) : null;
        ScopeFold scope = in.bool() ? TallyCodec.readFold(in) : null;
        Long time = in.nullableI64();
        Integer hops = in.nullableI32();
        int hopCount = hops == null ? 0 : hops;
        // The constructors refuse a missing field that a kind needs; here, one that it does not carry.
        switch (kind) {
            case EVENT:
                absent(kind, "merged id", mergedId, "customer state", customer, "scope tallies", scope, "time", time);
                return new MergeFold.Event(event, hopCount);
            case CUSTOMER:
                absent(kind, "event", event, "scope tallies", scope);
                return new MergeFold.Customer(mergedId, customer, time, hopCount);
            case TALLIES:
                absent(kind, "event", event, "customer state", customer, "time", time);
                return new MergeFold.Tallies(mergedId, scope, hopCount);
            case ERASE:
                absent(kind, "event", event, "customer state", customer, "scope tallies", scope);
                if (time == null) {
                    throw new SerializationException("merge fold kind " + kind + " needs a time");
                }
                return new MergeFold.Erase(mergedId, time, hopCount);
            default:
                throw new SerializationException("unknown merge fold kind " + kind);
        }
    }

    /** Refuses the record if any of the named fields (name, value, name, value, ...) is there. */
    private static void absent(int kind, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                throw new SerializationException("merge fold kind " + kind + " cannot carry " + namesAndValues[i]);
            }
        }
    }
}
