package io.omnipulse.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The survey metrics OmniPulse understands, each with the scale a response is assumed to use
 * when it does not state one (definitions in shared/cx-domain.md).
 */
public enum Metric {
    /** "How likely are you to recommend us?" 0..10. */
    NPS(new Scale(0, 10, true)),
    /** CES 2.0 by default: "The company made it easy...", 1..7, 7 = low effort. */
    CES(new Scale(1, 7, true)),
    /** Satisfaction 1..5, 5 = very satisfied. */
    CSAT(new Scale(1, 5, true));

    private final Scale defaultScale;

    Metric(Scale defaultScale) {
        this.defaultScale = defaultScale;
    }

    public Scale defaultScale() {
        return defaultScale;
    }

    /** Only CES comes in conventions that differ; NPS and CSAT have one fixed scale. */
    public boolean allowsCustomScale() {
        return this == CES;
    }

    @JsonCreator
    public static Metric fromWire(String value) {
        return WireEnum.parse(Metric.class, value);
    }

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }
}
