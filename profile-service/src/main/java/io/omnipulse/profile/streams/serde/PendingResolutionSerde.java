package io.omnipulse.profile.streams.serde;

import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinarySerde;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.streamsupport.binary.ContactEventCodec;
import io.omnipulse.profile.domain.Label;
import io.omnipulse.profile.streams.PendingResolution;
import java.util.Map;
import java.util.TreeMap;

/**
 * Events being resolved, in binary. Version 2: version byte, the event ({@link ContactEventCodec}), its
 * identifiers, the number of labels answered and per answer the identifier and its label, then the
 * identifiers that answered shared. Version 1 nested the event as JSON; only the stores of application
 * id omnipulse-profile-v2 hold it, so it is not read.
 */
public final class PendingResolutionSerde extends BinarySerde<PendingResolution> {

    public PendingResolutionSerde() {
        super("pending resolution", 2, 512);
    }

    @Override
    protected void write(BinaryWriter out, PendingResolution pending) {
        ContactEventCodec.write(out, pending.event());
        out.strings(pending.identifiers());
        out.varint(pending.labels().size() + 1);
        pending.labels().forEach((identifier, label) -> {
            out.string(identifier);
            Codecs.label(out, label);
        });
        out.strings(pending.shared());
    }

    @Override
    protected PendingResolution read(BinaryReader in) {
        var event = ContactEventCodec.read(in);
        var identifiers = in.strings();
        int count = in.count();
        Map<String, Label> labels = count < 0 ? null : new TreeMap<>();
        for (int i = 0; i < count; i++) {
            labels.put(in.string(), Codecs.label(in));
        }
        return new PendingResolution(event, identifiers, labels, in.strings());
    }
}
