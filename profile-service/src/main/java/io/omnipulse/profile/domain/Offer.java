package io.omnipulse.profile.domain;

import java.util.Comparator;

/**
 * What an identifier tells the identifiers it is linked to (and what it remembers of each of them):
 * the nearest crm identifier it reaches and the oldest identifier it reaches. The two are kept
 * apart because each, on its own, only gets worse with distance, which is what makes the
 * distance-vector fixpoint unique (see {@link IdentityNode}).
 *
 * @param crm    the nearest crm identifier's label; null when none is within {@link Reach#MAX_HOPS}
 * @param oldest the oldest identifier's label ({@link Label} rank); null only for a remembered offer
 *               whose label ended beyond {@link Reach#MAX_HOPS}
 */
public record Offer(Reach crm, Reach oldest) {

    /** Nearer first; between equally near crm ids a fixed order, so a tie breaks the same everywhere. */
    static final Comparator<Reach> NEAREST_CRM = Comparator.comparingInt(Reach::hops)
            .thenComparing(r -> r.label().crmId())
            .thenComparing(r -> r.label().since(), Comparator.nullsLast(Comparator.naturalOrder()));

    /** Older first, then nearer: a stale copy of a label further away loses to the fresh one. */
    static final Comparator<Reach> OLDEST = Comparator.comparing(Reach::label, Label.RANK)
            .thenComparingInt(Reach::hops);

    /** An identifier on its own: its own label at 0 hops, also as the crm route when it is a crmId. */
    static Offer own(Label own) {
        Reach self = new Reach(own, 0);
        return new Offer(own.crmId() == null ? null : self, self);
    }

    /** The offer as the receiving neighbour sees it: one link further, labels beyond the cap dropped. */
    Offer oneLinkFurther() {
        return new Offer(crm == null ? null : crm.oneLinkFurther(), oldest == null ? null : oldest.oneLinkFurther());
    }

    /** The better route of each kind. */
    Offer or(Offer other) {
        return new Offer(better(crm, other.crm, NEAREST_CRM), better(oldest, other.oldest, OLDEST));
    }

    boolean reachesNobody() {
        return crm == null && oldest == null;
    }

    /** The customer this says: the nearest crm identifier's, else the oldest identifier's. */
    Label customer() {
        return crm != null ? crm.label() : oldest.label();
    }

    private static Reach better(Reach a, Reach b, Comparator<Reach> order) {
        if (a == null) {
            return b;
        }
        return b == null || order.compare(a, b) <= 0 ? a : b;
    }
}
