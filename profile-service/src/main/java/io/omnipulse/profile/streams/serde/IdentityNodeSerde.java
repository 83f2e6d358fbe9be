package io.omnipulse.profile.streams.serde;

import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinarySerde;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.profile.domain.IdentityNode;
import io.omnipulse.profile.domain.Offer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identifier index's nodes, in binary: one is read and usually written on every claim, offer
 * and withdrawal. Version 1: version byte, label, first seen, links, customers, shared, then the
 * number of heard offers and per offer the linked identifier and the offer ({@link Codecs}).
 */
public final class IdentityNodeSerde extends BinarySerde<IdentityNode> {

    public IdentityNodeSerde() {
        super("identity node", 1, 256);
    }

    @Override
    protected void write(BinaryWriter out, IdentityNode node) {
        Codecs.label(out, node.label());
        out.instant(node.firstSeen()).strings(node.links()).strings(node.customers()).bool(node.shared());
        out.varint(node.heard().size() + 1);
        node.heard().forEach((from, offer) -> {
            out.string(from);
            Codecs.offer(out, offer);
        });
    }

    @Override
    protected IdentityNode read(BinaryReader in) {
        var label = Codecs.label(in);
        var firstSeen = in.instant();
        var links = in.strings();
        var customers = in.strings();
        boolean shared = in.bool();
        int count = in.count();
        Map<String, Offer> heard = count < 0 ? null : new TreeMap<>();
        for (int i = 0; i < count; i++) {
            heard.put(in.string(), Codecs.offer(in));
        }
        return new IdentityNode(label, firstSeen, links, customers, shared, heard);
    }
}
