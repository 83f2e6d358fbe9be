package io.omnipulse.profile.streams.serde;

import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.profile.domain.Label;
import io.omnipulse.profile.domain.Offer;
import io.omnipulse.profile.domain.Reach;
import java.util.ArrayList;
import java.util.List;

/**
 * The small parts that several binary formats share: labels, offers and merges. Contact events and
 * profiles have codecs of their own ({@code ContactEventCodec}, {@link ProfileCodec}).
 */
final class Codecs {

    private Codecs() {
    }

    static void label(BinaryWriter out, Label label) {
        if (label == null) {
            out.u8(0);
            return;
        }
        out.u8(1).instant(label.since()).i32(label.strength()).string(label.repId()).string(label.crmId());
    }

    static Label label(BinaryReader in) {
        return in.bool() ? new Label(in.instant(), in.i32(), in.string(), in.string()) : null;
    }

    static void reach(BinaryWriter out, Reach reach) {
        if (reach == null) {
            out.u8(0);
            return;
        }
        out.u8(1);
        label(out, reach.label());
        out.i32(reach.hops());
    }

    static Reach reach(BinaryReader in) {
        return in.bool() ? new Reach(label(in), in.i32()) : null;
    }

    static void offer(BinaryWriter out, Offer offer) {
        if (offer == null) {
            out.u8(0);
            return;
        }
        out.u8(1);
        reach(out, offer.crm());
        reach(out, offer.oldest());
    }

    static Offer offer(BinaryReader in) {
        return in.bool() ? new Offer(reach(in), reach(in)) : null;
    }

    static void merge(BinaryWriter out, CustomersMerged merge) {
        if (merge == null) {
            out.u8(0);
            return;
        }
        out.u8(1).string(merge.survivorId()).string(merge.mergedId()).string(merge.linkingSource())
                .string(merge.linkingEventId()).strings(merge.linkingIdentifiers()).instant(merge.occurredAt())
                .instant(merge.mergedAt());
    }

    static CustomersMerged merge(BinaryReader in) {
        return in.bool()
                ? new CustomersMerged(in.string(), in.string(), in.string(), in.string(), in.strings(), in.instant(),
                        in.instant())
                : null;
    }

    static void merges(BinaryWriter out, List<CustomersMerged> merges) {
        if (merges == null) {
            out.varint(0);
            return;
        }
        out.varint(merges.size() + 1);
        for (CustomersMerged merge : merges) {
            merge(out, merge);
        }
    }

    static List<CustomersMerged> merges(BinaryReader in) {
        int count = in.count();
        if (count < 0) {
            return null;
        }
        List<CustomersMerged> merges = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            merges.add(merge(in));
        }
        return merges;
    }
}
