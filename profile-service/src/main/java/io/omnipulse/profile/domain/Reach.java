package io.omnipulse.profile.domain;

/**
 * A label as one identifier knows it: the identifier the label names is {@code hops} links away.
 *
 * @param label the label of the identifier it names (its own label, never a joined one)
 * @param hops  links between the holder and that identifier; 0 for the holder's own label
 */
public record Reach(Label label, int hops) {

    /**
     * Labels further away than this are forgotten. After a link is cut, a label can keep
     * circulating among the identifiers it no longer reaches, one hop longer on each round
     * ("count to infinity"); the cap ends that. It also bounds how far apart two identifiers of
     * one customer may be: real customers are a handful of links wide.
     */
    public static final int MAX_HOPS = 32;

    /** The same label one link further, or null when that is beyond {@link #MAX_HOPS}. */
    Reach oneLinkFurther() {
        return hops >= MAX_HOPS ? null : new Reach(label, hops + 1);
    }
}
