package io.omnipulse.profile.domain;

import io.omnipulse.events.CustomerKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What identity resolution keeps per typed identifier. Pure logic, no Kafka.
 *
 * <p>The grouping it computes is a function of the set of events, whatever their order:
 * <ul>
 * <li>Identifiers are nodes; every event links its identifiers pairwise.</li>
 * <li>A shared identifier links nobody: one whose events named more than
 * {@link IdentityRules#maxCustomersPerIdentifier()} distinct stronger identifiers as their strongest,
 * or that was seen with more than {@link IdentityRules#maxLinksPerIdentifier()} distinct identifiers.
 * It belongs to its own customer alone, however late that became known.</li>
 * <li>An identifier with a crm identifier within {@link Reach#MAX_HOPS} links belongs to the nearest
 * one (fewest links; equally near ones ordered by crmId), so two crmIds are never one customer.
 * Otherwise it belongs to the oldest identifier within that distance ({@link Label#RANK}).</li>
 * </ul>
 * Computed as a distance vector: each identifier remembers the last {@link Offer} of each linked
 * identifier and takes the best of its own label and those, one link further. A change is offered
 * to every link; an identifier that becomes shared withdraws its offers. Each of the two routes only
 * gets worse with distance and the cap ends count-to-infinity, so the fixpoint is unique and every
 * order of messages reaches it.
 *
 * <p>Memory is bounded: at most {@code maxLinksPerIdentifier} links and remembered offers (more
 * makes the identifier shared, which drops both) and {@code maxCustomersPerIdentifier + 1} customers.
 *
 * @param label     the customer this identifier belongs to as far as it knows; null before anything arrived
 * @param firstSeen earliest event time of an event that carried it; null until its first claim
 * @param links     identifiers seen in the same events, to offer changes to
 * @param customers distinct stronger identifiers that were the strongest of its events
 * @param shared    seen on too many customers or with too many identifiers: it links nobody any more
 * @param heard     per linked identifier, its last offer one link further on
 */
public record IdentityNode(Label label, Instant firstSeen, List<String> links, List<String> customers,
        boolean shared, Map<String, Offer> heard) {

    public IdentityNode {
        links = links == null ? List.of() : List.copyOf(links);
        customers = customers == null ? List.of() : List.copyOf(customers);
        heard = heard == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(heard));
    }

    public static IdentityNode empty() {
        return new IdentityNode(null, null, null, null, false, null);
    }

    /**
     * What a step changed.
     *
     * @param node         the node after the step
     * @param before       its label before
     * @param offer        what it now offers its links
     * @param offerTo      identifiers to send {@code offer} to
     * @param withdrawTo   identifiers to tell that this one links nobody any more
     * @param becameShared it became shared in this step
     * @param split        its own customer came back because the group it had joined is no longer reached
     */
    public record Step(IdentityNode node, Label before, Offer offer, List<String> offerTo, List<String> withdrawTo,
            boolean becameShared, boolean split) {

        public boolean labelChanged() {
            return node.label != null && !node.label.equals(before);
        }
    }

    /** An event carrying {@code self} among {@code identifiers} (normalised, strongest first). */
    public Step claim(String self, List<String> identifiers, Instant at, IdentityRules rules) {
        Instant seen = Times.earliest(firstSeen, at);
        if (shared) {
            return unchanged(new IdentityNode(Label.own(self, seen), seen, null, customers, true, null));
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
        List<String> allLinks = new ArrayList<>(links);
        allLinks.addAll(fresh);
        if (moreCustomers.size() > rules.maxCustomersPerIdentifier()
                || coIdentifiers(allLinks, heard) > rules.maxLinksPerIdentifier()) {
            return becomeShared(self, seen, moreCustomers);
        }
        return settle(self, seen, allLinks, moreCustomers, heard, fresh);
    }

    /** A linked identifier offers what it reaches. */
    public Step offered(String self, String from, Offer offer, IdentityRules rules) {
        if (shared || offer == null) {
            return unchanged(this);
        }
        Map<String, Offer> nowHeard = new TreeMap<>(heard);
        Offer here = offer.oneLinkFurther();
        if (here.reachesNobody()) {
            nowHeard.remove(from);
        } else {
            nowHeard.put(from, here);
        }
        if (coIdentifiers(links, nowHeard) > rules.maxLinksPerIdentifier()) {
            return becomeShared(self, firstSeen, customers);
        }
        return settle(self, firstSeen, links, customers, nowHeard, List.of());
    }

    /** A linked identifier became shared: whatever it offered no longer counts. */
    public Step withdrawn(String self, String from) {
        if (shared || !heard.containsKey(from)) {
            return unchanged(this);
        }
        Map<String, Offer> nowHeard = new TreeMap<>(heard);
        nowHeard.remove(from);
        return settle(self, firstSeen, links, customers, nowHeard, List.of());
    }

    /** The best this identifier reaches: its own label, or one heard from a link. */
    private Offer best(String self, Instant seen, Map<String, Offer> from) {
        Offer best = Offer.own(Label.own(self, seen));
        for (Offer offer : from.values()) {
            best = best.or(offer);
        }
        return best;
    }

    /** Everyone linked hears of a changed offer; new links hear the offer in any case. */
    private Step settle(String self, Instant seen, List<String> nowLinks, List<String> nowCustomers,
            Map<String, Offer> nowHeard, List<String> newLinks) {
        Offer was = label == null ? null : best(self, firstSeen, heard);
        Offer now = best(self, seen, nowHeard);
        IdentityNode next = new IdentityNode(now.customer(), seen, nowLinks, nowCustomers, false, nowHeard);
        List<String> offerTo = now.equals(was) ? newLinks : next.links;
        return new Step(next, label, now, offerTo, List.of(), false, splitFrom(self, next.label));
    }

    /**
     * Memory is released: a shared identifier never offers again, and its links forget what it offered.
     * It is a customer of its own from now on; that is reported as a shared identifier, not as a split.
     */
    private Step becomeShared(String self, Instant seen, List<String> nowCustomers) {
        IdentityNode next = new IdentityNode(Label.own(self, seen), seen, null, nowCustomers, true, null);
        return new Step(next, label, null, List.of(), links, true, false);
    }

    private Step unchanged(IdentityNode next) {
        return new Step(next, label, null, List.of(), List.of(), false, false);
    }

    /**
     * Its own customer comes back although the group it had joined still ranks above it: that group
     * is no longer reached (a split), as opposed to a late, earlier event making it the oldest.
     */
    private boolean splitFrom(String self, Label now) {
        String own = CustomerKeys.customerIdOf(self);
        if (label == null || firstSeen == null || label.customerId().equals(own) || !now.customerId().equals(own)) {
            return false;
        }
        return label.crmId() != null && now.crmId() == null || Label.RANK.compare(label, now) < 0;
    }

    private static int coIdentifiers(List<String> links, Map<String, Offer> heard) {
        // An offer comes from an identifier seen with this one whose claim may not have arrived here yet.
        Set<String> all = new TreeSet<>(links);
        all.addAll(heard.keySet());
        return all.size();
    }
}
