package io.omnipulse.profile.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What identity resolution keeps per typed identifier: the label of its group, the identifiers it
 * was seen with (to pass a better label on) and the customers it was seen with (to spot a shared
 * identifier). Immutable and bounded by {@link IdentityRules}; pure logic, no Kafka.
 *
 * @param label     the group this identifier belongs to as far as it knows; null before anything arrived
 * @param firstSeen earliest event time of an event that carried it
 * @param links     identifiers seen in the same events, to offer label changes to
 * @param customers distinct stronger identifiers it was seen with, each taken for one customer
 * @param shared    seen on too many customers: it links nobody any more
 */
public record IdentityNode(Label label, Instant firstSeen, List<String> links, List<String> customers,
        boolean shared) {

    public IdentityNode {
        links = links == null ? List.of() : List.copyOf(links);
        customers = customers == null ? List.of() : List.copyOf(customers);
    }

    public static IdentityNode empty() {
        return new IdentityNode(null, null, null, null, false);
    }

    /** What a step changed: the new node, the identifiers to offer its label to, and what the guards saw. */
    public record Step(IdentityNode node, Label before, List<String> offerTo, boolean conflict,
            boolean becameShared) {

        public boolean labelChanged() {
            return node.label != null && !node.label.equals(before);
        }
    }

    /** An event carrying {@code self} among {@code identifiers} (normalised, strongest first). */
    public Step claim(String self, List<String> identifiers, Instant at, IdentityRules rules) {
        if (shared) {
            return new Step(this, label, List.of(), false, false);
        }
        Instant seen = Times.earliest(firstSeen, at);
        Label own = Label.own(self, seen);
        Label event = Label.ofEvent(identifiers, at);
        Label current = Label.join(label, own);
        if (!current.compatibleWith(event)) {
            // Different crmIds: this event links nothing through this identifier.
            return done(new IdentityNode(current, seen, links, customers, false), List.of(), true);
        }
        List<String> moreCustomers = new ArrayList<>(customers);
        String strongest = identifiers.get(0);
        if (IdentifierNormaliser.strength(strongest) < IdentifierNormaliser.strength(self)
                && !moreCustomers.contains(strongest)) {
            moreCustomers.add(strongest);
        }
        List<String> fresh = new ArrayList<>();
        for (String other : identifiers) {
            if (!other.equals(self) && !links.contains(other)) {
                fresh.add(other);
            }
        }
        if (moreCustomers.size() > rules.maxCustomersPerIdentifier()
                || links.size() + fresh.size() > rules.maxLinksPerIdentifier()) {
            // Memory is released: a shared identifier never offers a label again.
            IdentityNode sharedNode = new IdentityNode(current, seen, null, moreCustomers, true);
            return new Step(sharedNode, label, List.of(), false, true);
        }
        List<String> allLinks = new ArrayList<>(links);
        allLinks.addAll(fresh);
        // The event's other identifiers are not adopted as a label here: only a node's own label, passed
        // on by offers, ever names a customer, so every customer id that gets events has a node that
        // announces when it is merged away.
        IdentityNode next = new IdentityNode(current, seen, allLinks, moreCustomers, false);
        return done(next, fresh, false);
    }

    /** A linked identifier offers the label of its group. */
    public Step offer(Label offered) {
        if (shared || offered == null) {
            return new Step(this, label, List.of(), false, false);
        }
        if (label != null && !label.compatibleWith(offered)) {
            return new Step(this, label, List.of(), true, false);
        }
        IdentityNode next = new IdentityNode(Label.join(label, offered), firstSeen, links, customers, false);
        return done(next, List.of(), false);
    }

    /** Everyone linked hears of a changed label; new links hear the label in any case. */
    private Step done(IdentityNode next, List<String> newLinks, boolean conflict) {
        boolean changed = next.label != null && !next.label.equals(label);
        return new Step(next, label, changed ? next.links : newLinks, conflict, false);
    }
}
