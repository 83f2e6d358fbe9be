package io.omnipulse.alerting.domain;

import io.omnipulse.events.ContactEvent;
import java.util.Optional;

/** Decides, from one event alone, whether it opens (or feeds) an alert. Pure: no I/O, no clock. */
public interface AlertRule {

    Optional<AlertDecision> evaluate(ContactEvent event);
}
