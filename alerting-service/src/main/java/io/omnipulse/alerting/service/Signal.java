package io.omnipulse.alerting.service;

import io.omnipulse.alerting.domain.AlertDecision;
import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.persistence.TriggerContext;

/** A rule fired for a subject: what it decided and the trigger (with its idempotency key) behind it. */
record Signal(AlertScope scope, String key, AlertDecision decision, TriggerContext trigger) {
}
