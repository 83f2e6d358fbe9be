package io.omnipulse.profile.streams.serde;

import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinarySerde;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.streamsupport.binary.ContactEventCodec;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.serde.JsonSerde;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.streams.LoopMessage;
import io.omnipulse.profile.streams.LoopMessage.Kind;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The loop topic's values, in binary: each event costs several loop records, each read and written
 * once per hop, and JSON of them was the largest part of the stream thread's CPU.
 *
 * <p>Version 2: version byte, kind code ({@link #KINDS}: append only, a code never changes meaning),
 * a bit set of the fields that are there (bit 0 event ... bit 9 erasure, in record order), then those
 * fields: the event ({@link ContactEventCodec}), the cause (source, event id, identifiers, occurred at),
 * identifier, label, shared, the profile ({@link ProfileCodec}), merge, offer, hops, erasure (erasure
 * id, customer id, requested at, requested by, remaining keys, erased count). Which fields a kind
 * carries is up to the writer, as with JSON, so a message reads back equal to the one written.
 *
 * <p>The loop topic outlives the application id (it is configured apart from it) and a new id reads
 * it from the start, so messages older formats wrote may still be on it and are still read: version 1
 * (the same layout with the event and the profile nested as length-prefixed JSON) and the JSON
 * version, whose records start with {@code '{'}. Any other first byte is a version; one this code does
 * not know is refused (dead letter).
 */
public final class LoopMessageSerde extends BinarySerde<LoopMessage> {

    /** Wire code of each kind: its index. Append only. */
    private static final List<Kind> KINDS = List.of(Kind.EXPECT, Kind.CLAIM, Kind.OFFER, Kind.WITHDRAW,
            Kind.RESPONSE, Kind.FOLD, Kind.MERGED_INTO, Kind.ABSORB, Kind.REPOINT, Kind.REVIVE, Kind.ERASE, Kind.FORGET);
    private static final byte LEGACY_JSON = '{';
    private static final byte LEGACY_BINARY = 1;
    private static final JsonSerde<LoopMessage> JSON = new JsonSerde<>(LoopMessage.class);
    private static final Version1 VERSION_1 = new Version1();

    public LoopMessageSerde() {
        super("loop message", 2, 96);
    }

    @Override
    protected void write(BinaryWriter out, LoopMessage m) {
        int code = KINDS.indexOf(m.kind());
        if (code < 0) {
            throw new SerializationException("loop message without a kind");
        }
        int present = bit(0, m.event()) | bit(1, m.cause()) | bit(2, m.identifier()) | bit(3, m.label())
                | bit(4, m.shared()) | bit(5, m.profile()) | bit(6, m.merge()) | bit(7, m.offer()) | bit(8, m.hops())
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
        if (m.shared() != null) {
            out.bool(m.shared());
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
        return readFields(in, ContactEventCodec::read, ProfileCodec::read);
    }

    /** The fields after the version byte, the same in versions 1 and 2 but for how event and profile are nested. */
    private static LoopMessage readFields(BinaryReader in, Function<BinaryReader, ContactEvent> events,
            Function<BinaryReader, CustomerProfile> profiles) {
        int code = in.u8();
        if (code >= KINDS.size()) {
            throw new SerializationException("unknown loop message kind " + code);
        }
        int present = in.varint();
        if (present >= 1 << 10) {
            throw new SerializationException("unknown loop message fields " + Integer.toBinaryString(present));
        }
        return new LoopMessage(KINDS.get(code),
                has(present, 0) ? events.apply(in) : null,
                has(present, 1) ? new LoopMessage.Cause(in.string(), in.string(), in.strings(), in.instant()) : null,
                has(present, 2) ? in.string() : null,
                has(present, 3) ? Codecs.label(in) : null,
                has(present, 4) ? Boolean.valueOf(in.bool()) : null,
                has(present, 5) ? profiles.apply(in) : null,
                has(present, 6) ? Codecs.merge(in) : null,
                has(present, 7) ? Codecs.offer(in) : null,
                has(present, 8) ? Integer.valueOf(in.varint()) : null,
                has(present, 9) ? new LoopMessage.Erasure(new ErasureRequested(in.string(), in.string(), in.instant(),
                        in.string()), in.strings(), in.i64()) : null);
    }

    @Override
    protected LoopMessage readVersion(byte found, byte[] bytes) {
        if (found == LEGACY_JSON) {
            return JSON.deserialize(null, bytes);
        }
        return found == LEGACY_BINARY ? VERSION_1.deserialize(null, bytes) : super.readVersion(found, bytes);
    }

    private static int bit(int index, Object field) {
        return field == null ? 0 : 1 << index;
    }

    private static boolean has(int present, int index) {
        return (present & 1 << index) != 0;
    }

    /** Reads version 1, whose event and profile are length-prefixed JSON; nothing writes it any more. */
    private static final class Version1 extends BinarySerde<LoopMessage> {

        private static final JsonSerde<ContactEvent> EVENT_JSON = new JsonSerde<>(ContactEvent.class);
        private static final JsonSerde<CustomerProfile> PROFILE_JSON = new JsonSerde<>(CustomerProfile.class);

        Version1() {
            super("loop message", LEGACY_BINARY, 96);
        }

        @Override
        protected void write(BinaryWriter out, LoopMessage m) {
            throw new UnsupportedOperationException("loop message version 1 is only read");
        }

        @Override
        protected LoopMessage read(BinaryReader in) {
            return readFields(in, Version1::event, Version1::profile);
        }

        private static ContactEvent event(BinaryReader in) {
            byte[] json = in.bytes();
            return json == null ? null : EVENT_JSON.deserialize(null, json);
        }

        private static CustomerProfile profile(BinaryReader in) {
            byte[] json = in.bytes();
            return json == null ? null : PROFILE_JSON.deserialize(null, json);
        }
    }
}
