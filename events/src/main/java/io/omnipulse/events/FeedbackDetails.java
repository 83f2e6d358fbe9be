package io.omnipulse.events;

/**
 * A survey answer; present on events of type {@code feedback}. A null {@code score} is a skipped
 * question: it is kept for the journey but is not a response in any metric.
 */
public record FeedbackDetails(
        Metric metric,
        Integer score,
        Scale scale,
        String comment,
        String ratesConversationId) {

    /** The scale the score was given on: the stated one, else the metric's default. */
    public Scale effectiveScale() {
        if (scale == null || scale.min() == null || scale.max() == null) {
            return metric.defaultScale();
        }
        return scale.higherIsBetter() == null ? new Scale(scale.min(), scale.max(), true) : scale;
    }

    public boolean answered() {
        return score != null;
    }
}
