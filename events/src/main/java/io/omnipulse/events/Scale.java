package io.omnipulse.events;

/**
 * The answer scale of one survey response. {@code higherIsBetter} tells the direction: CES 2.0
 * (1..7, 7 = easy) is true, CES 1.0 (1..5, 5 = very high effort) is false.
 */
public record Scale(Integer min, Integer max, Boolean higherIsBetter) {

    public boolean contains(int score) {
        return score >= min && score <= max;
    }
}
