package io.omnipulse.alerting.domain;

/** What an alert is about: one customer, or a whole team or channel (score drops). */
public enum AlertScope {
    CUSTOMER,
    TEAM,
    CHANNEL
}
