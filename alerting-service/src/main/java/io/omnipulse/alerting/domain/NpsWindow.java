package io.omnipulse.alerting.domain;

/** The NPS of one scope over one trailing window: its sample size and score (null when n is 0). */
public record NpsWindow(long n, Double score) {
}
