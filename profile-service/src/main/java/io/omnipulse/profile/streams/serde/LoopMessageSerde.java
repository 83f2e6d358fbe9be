package io.omnipulse.profile.streams.serde;

import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinarySerde;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.streamsupport.binary.ContactEventCodec;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.profile.domain.Label;
import io.omnipulse.profile.streams.LoopMessage;
import io.omnipulse.profile.streams.LoopMessage.Gathered;
import io.omnipulse.profile.streams.LoopMessage.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The loop topic's values, in binary: each event costs several loop records, each read and written
 * once per hop, and JSON of them was the largest part of the stream thread's CPU.
 *
 * <p>Version 3: version byte, kind code ({@link #KINDS}: append only, a code never changes meaning),
 * a bit set of the fields that are there (bit 0 event ... bit 9 erasure, in record order), then those
 * fields: the event ({@link ContactEventCodec}), the cause (source, event id, identifiers, occurred at),
 * identifier, label, the labels gathered (count + 1, identifier and label each, then the shared ones),
 * the profile ({@link ProfileCodec}), merge, offer, hops, erasure (erasure id, customer id, requested at,
 * requested by, remaining keys, erased count). Which fields a kind carries is up to the writer, so a
 * message reads back equal to the one written.
 *
 * <p>Earlier versions were written to other loop topics: the loop topic is named after the application
 * id ({@code ProfileTopology.loopTopicOf}), which changes with every format, so no record of theirs
 * reaches this reader, and one that did would be refused (dead letter).
 */
public final class LoopMessageSerde extends BinarySerde<LoopMessage> {

    /**
     * Wire code of each kind: its index. Append only. Codes 0 and 4 were the resolver's (an event
     * waiting for its identifiers' answers, and an answer), retired in version 3.
     */
    private static final List<Kind> KINDS = Arrays.asList(null, Kind.CLAIM, Kind.OFFER, Kind.WITHDRAW,
            null, Kind.FOLD, Kind.MERGED_INTO, Kind.ABSORB, Kind.REPOINT, Kind.REVIVE, Kind.ERASE, Kind.FORGET);

    public LoopMessageSerde() {
        super("loop message", 3, 96);
    }

    @Override
    protected void write(BinaryWriter out, LoopMessage m) {
        int code = m.kind() == null ? -1 : KINDS.indexOf(m.kind());
        if (code < 0) {
            throw new SerializationException("loop message without a kind");
        }
        int present = bit(0, m.event()) | bit(1, m.cause()) | bit(2, m.identifier()) | bit(3, m.label())
                | bit(4, m.gathered()) | bit(5, m.profile()) | bit(6, m.merge()) | bit(7, m.offer()) | bit(8, m.hops())
                | bit(9, m.erasure());
        out.u8(code).varint(present);
        if (m.event() != null) {
            ContactEventCodec.write(out, m.event());
        }
        if (m.cause() != null) {
            LoopMessage.Cause c = m.cause();
            out.string(c.source()).string(c.eventId()).strings(c.identifiers()).instant(c.occurredAt());
        }
        if (m.identifier() != null) {
            out.string(m.identifier());
        }
        if (m.label() != null) {
            Codecs.label(out, m.label());
        }
        if (m.gathered() != null) {
            writeGathered(out, m.gathered());
        }
        if (m.profile() != null) {
            ProfileCodec.write(out, m.profile());
        }
        if (m.merge() != null) {
            Codecs.merge(out, m.merge());
        }
        if (m.offer() != null) {
            Codecs.offer(out, m.offer());
        }
        if (m.hops() != null) {
            out.varint(m.hops());
        }
        if (m.erasure() != null) {
            ErasureRequested r = m.erasure().request();
            out.string(r.erasureId()).string(r.customerId()).instant(r.requestedAt()).string(r.requestedBy())
                    .strings(m.erasure().remaining()).i64(m.erasure().erased());
        }
    }

    @Override
    protected LoopMessage read(BinaryReader in) {
        int code = in.u8();
        if (code >= KINDS.size() || KINDS.get(code) == null) {
            throw new SerializationException("unknown loop message kind " + code);
        }
        int present = in.varint();
        if (present >= 1 << 10) {
            throw new SerializationException("unknown loop message fields " + Integer.toBinaryString(present));
        }
        return new LoopMessage(KINDS.get(code),
                has(present, 0) ? ContactEventCodec.read(in) : null,
                has(present, 1) ? new LoopMessage.Cause(in.string(), in.string(), in.strings(), in.instant()) : null,
                has(present, 2) ? in.string() : null,
                has(present, 3) ? Codecs.label(in) : null,
                has(present, 4) ? readGathered(in) : null,
                has(present, 5) ? ProfileCodec.read(in) : null,
                has(present, 6) ? Codecs.merge(in) : null,
                has(present, 7) ? Codecs.offer(in) : null,
                has(present, 8) ? Integer.valueOf(in.varint()) : null,
                has(present, 9) ? new LoopMessage.Erasure(new ErasureRequested(in.string(), in.string(), in.instant(),
                        in.string()), in.strings(), in.i64()) : null);
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
