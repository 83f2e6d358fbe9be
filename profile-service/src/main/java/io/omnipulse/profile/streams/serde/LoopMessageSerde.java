package io.omnipulse.profile.streams.serde;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.Label;
import io.omnipulse.profile.domain.Offer;
import io.omnipulse.profile.streams.LoopMessage;
import io.omnipulse.profile.streams.LoopMessage.Absorb;
import io.omnipulse.profile.streams.LoopMessage.Cause;
import io.omnipulse.profile.streams.LoopMessage.Claim;
import io.omnipulse.profile.streams.LoopMessage.Erase;
import io.omnipulse.profile.streams.LoopMessage.Erasure;
import io.omnipulse.profile.streams.LoopMessage.Fold;
import io.omnipulse.profile.streams.LoopMessage.Forget;
import io.omnipulse.profile.streams.LoopMessage.Gathered;
import io.omnipulse.profile.streams.LoopMessage.MergedInto;
import io.omnipulse.profile.streams.LoopMessage.Offered;
import io.omnipulse.profile.streams.LoopMessage.Repoint;
import io.omnipulse.profile.streams.LoopMessage.Revive;
import io.omnipulse.profile.streams.LoopMessage.Withdrawn;
import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinarySerde;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.streamsupport.binary.ContactEventCodec;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The loop topic's values, in binary: each event costs several loop records, each read and written
 * once per hop, and JSON of them was the largest part of the stream thread's CPU.
 *
 * <p>Version 3: version byte, kind code (append only, a code never changes meaning: 1 claim, 2 offered,
 * 3 withdrawn, 5 fold, 6 merged-into, 7 absorb, 8 repoint, 9 revive, 10 erase, 11 forget; 0 and 4 were
 * the resolver's, retired with version 2), a bit set of the fields that are there, then those fields in
 * bit order: 0 the event ({@link ContactEventCodec}), 1 the cause (source, event id, identifiers,
 * occurred at), 2 an identifier (an offer's or withdrawal's {@code from}, a repoint's {@code from}, the
 * identifier a revive names), 3 a label (a revive's {@code splitFrom}), 4 the labels gathered (count + 1,
 * identifier and label each, then the shared ones), 5 the profile ({@link ProfileCodec}), 6 the merge,
 * 7 the offer, 8 hops, 9 the erasure (erasure id, customer id, requested at, requested by, remaining
 * keys, erased count). A kind carries only its own fields: a record that lacks one its kind needs, or
 * has one its kind does not carry, is refused (a dead letter), never half read.
 *
 * <p>Earlier versions were written to other loop topics: the loop topic is named after the application
 * id ({@code ProfileTopology.loopTopicOf}), which changes with every format, so no record of theirs
 * reaches this reader, and one that did would be refused (dead letter).
 */
public final class LoopMessageSerde extends BinarySerde<LoopMessage> {

    private static final int CLAIM = 1;
    private static final int OFFERED = 2;
    private static final int WITHDRAWN = 3;
    private static final int FOLD = 5;
    private static final int MERGED_INTO = 6;
    private static final int ABSORB = 7;
    private static final int REPOINT = 8;
    private static final int REVIVE = 9;
    private static final int ERASE = 10;
    private static final int FORGET = 11;

    private static final int EVENT = 0;
    private static final int CAUSE = 1;
    private static final int IDENTIFIER = 2;
    private static final int LABEL = 3;
    private static final int GATHERED = 4;
    private static final int PROFILE = 5;
    private static final int MERGE = 6;
    private static final int OFFER = 7;
    private static final int HOPS = 8;
    private static final int ERASURE = 9;
    private static final String[] FIELD_NAMES = {"event", "cause", "identifier", "label", "gathered", "profile",
            "merge", "offer", "hops", "erasure"};

    public LoopMessageSerde() {
        super("loop message", 3, 96);
    }

    @Override
    protected void write(BinaryWriter out, LoopMessage m) {
        Fields f = new Fields();
        f.hops = m.hops();
        int code;
        if (m instanceof Claim c) {
            code = CLAIM;
            f.event = c.event();
            f.cause = c.cause();
            f.gathered = c.gathered();
        } else if (m instanceof Offered o) {
            code = OFFERED;
            f.cause = o.cause();
            f.identifier = o.from();
            f.offer = o.offer();
        } else if (m instanceof Withdrawn w) {
            code = WITHDRAWN;
            f.cause = w.cause();
            f.identifier = w.from();
        } else if (m instanceof Forget forget) {
            code = FORGET;
            f.erasure = forget.erasure();
        } else if (m instanceof Fold fold) {
            code = FOLD;
            f.event = fold.event();
        } else if (m instanceof MergedInto merged) {
            code = MERGED_INTO;
            f.merge = merged.merge();
        } else if (m instanceof Absorb a) {
            code = ABSORB;
            f.profile = a.profile();
            f.merge = a.merge();
        } else if (m instanceof Repoint r) {
            code = REPOINT;
            f.identifier = r.from();
            f.merge = r.merge();
        } else if (m instanceof Revive r) {
            code = REVIVE;
            f.cause = r.cause();
            f.identifier = r.identifier();
            f.label = r.splitFrom();
        } else if (m instanceof Erase e) {
            code = ERASE;
            f.erasure = e.erasure();
        } else {
            throw new SerializationException("loop message of no known kind: " + m.getClass().getSimpleName());
        }
        f.write(out.u8(code));
    }

    @Override
    protected LoopMessage read(BinaryReader in) {
        int code = in.u8();
        Fields f = Fields.read(in);
        int hops = f.hops == null ? 0 : f.hops;
        return switch (code) {
            case CLAIM -> new Claim(f.only(code, EVENT, CAUSE, GATHERED).event, f.cause, f.gathered, hops);
            case OFFERED -> new Offered(f.only(code, CAUSE, IDENTIFIER, OFFER).identifier, f.offer, f.cause, hops);
            case WITHDRAWN -> new Withdrawn(f.only(code, CAUSE, IDENTIFIER).identifier, f.cause, hops);
            case FOLD -> new Fold(f.only(code, EVENT).event, hops);
            case MERGED_INTO -> new MergedInto(f.only(code, MERGE).merge, hops);
            case ABSORB -> new Absorb(f.only(code, PROFILE, MERGE).profile, f.merge, hops);
            case REPOINT -> new Repoint(f.only(code, IDENTIFIER, MERGE).merge, f.identifier, hops);
            case REVIVE -> new Revive(f.only(code, CAUSE, IDENTIFIER, LABEL).cause, f.identifier, f.label, hops);
            case ERASE -> new Erase(f.only(code, ERASURE).erasure, hops);
            case FORGET -> new Forget(f.only(code, ERASURE).erasure, hops);
            default -> throw new SerializationException("unknown loop message kind " + code);
        };
    }

    /**
     * Every field a kind may carry, as the wire has them; {@link #only} checks a read record against its
     * kind. The records' constructors then refuse a missing required field, which the serde turns into a
     * {@link SerializationException} (a dead letter).
     */
    private static final class Fields {
        ContactEvent event;
        Cause cause;
        String identifier;
        Label label;
        Gathered gathered;
        CustomerProfile profile;
        CustomersMerged merge;
        Offer offer;
        Integer hops;
        Erasure erasure;

        /** This, if it has no field but {@code allowed} (and hops, which every kind has). */
        Fields only(int code, int... allowed) {
            int mask = 1 << HOPS;
            for (int bit : allowed) {
                mask |= 1 << bit;
            }
            int foreign = present() & ~mask;
            if (foreign != 0) {
                throw new SerializationException("loop message kind " + code + " does not carry a "
                        + FIELD_NAMES[Integer.numberOfTrailingZeros(foreign)]);
            }
            return this;
        }

        /** The bit set of the fields that are there, as the wire has it. */
        int present() {
            return bit(EVENT, event) | bit(CAUSE, cause) | bit(IDENTIFIER, identifier) | bit(LABEL, label)
                    | bit(GATHERED, gathered) | bit(PROFILE, profile) | bit(MERGE, merge) | bit(OFFER, offer)
                    | bit(HOPS, hops) | bit(ERASURE, erasure);
        }

        void write(BinaryWriter out) {
            out.varint(present());
            if (event != null) {
                ContactEventCodec.write(out, event);
            }
            if (cause != null) {
                out.string(cause.source()).string(cause.eventId()).strings(cause.identifiers())
                        .instant(cause.occurredAt());
            }
            if (identifier != null) {
                out.string(identifier);
            }
            if (label != null) {
                Codecs.label(out, label);
            }
            if (gathered != null) {
                writeGathered(out, gathered);
            }
            if (profile != null) {
                ProfileCodec.write(out, profile);
            }
            if (merge != null) {
                Codecs.merge(out, merge);
            }
            if (offer != null) {
                Codecs.offer(out, offer);
            }
            if (hops != null) {
                out.varint(hops);
            }
            if (erasure != null) {
                ErasureRequested r = erasure.request();
                out.string(r.erasureId()).string(r.customerId()).instant(r.requestedAt()).string(r.requestedBy())
                        .strings(erasure.remaining()).i64(erasure.erased());
            }
        }

        static Fields read(BinaryReader in) {
            int present = in.varint();
            if (present >= 1 << FIELD_NAMES.length) {
                throw new SerializationException("unknown loop message fields " + Integer.toBinaryString(present));
            }
            Fields f = new Fields();
            f.event = has(present, EVENT) ? ContactEventCodec.read(in) : null;
            f.cause = has(present, CAUSE) ? new Cause(in.string(), in.string(), in.strings(), in.instant()) : null;
            f.identifier = has(present, IDENTIFIER) ? in.string() : null;
            f.label = has(present, LABEL) ? Codecs.label(in) : null;
            f.gathered = has(present, GATHERED) ? readGathered(in) : null;
            f.profile = has(present, PROFILE) ? ProfileCodec.read(in) : null;
            f.merge = has(present, MERGE) ? Codecs.merge(in) : null;
            f.offer = has(present, OFFER) ? Codecs.offer(in) : null;
            f.hops = has(present, HOPS) ? Integer.valueOf(in.varint()) : null;
            f.erasure = has(present, ERASURE) ? new Erasure(new ErasureRequested(in.string(), in.string(), in.instant(),
                    in.string()), in.strings(), in.i64()) : null;
            return f;
        }
    }

    private static void writeGathered(BinaryWriter out, Gathered gathered) {
        out.varint(gathered.labels().size() + 1);
        gathered.labels().forEach((identifier, label) -> {
            out.string(identifier);
            Codecs.label(out, label);
        });
        out.strings(gathered.shared());
    }

    private static Gathered readGathered(BinaryReader in) {
        int count = in.count();
        Map<String, Label> labels = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            labels.put(in.string(), Codecs.label(in));
        }
        return new Gathered(labels, in.strings());
    }

    private static int bit(int index, Object field) {
        return field == null ? 0 : 1 << index;
    }

    private static boolean has(int present, int index) {
        return (present & 1 << index) != 0;
    }
}
