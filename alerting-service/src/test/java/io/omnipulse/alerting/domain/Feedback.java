package io.omnipulse.alerting.domain;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import java.time.Instant;

/** Survey answers for rule tests. */
final class Feedback {

    private Feedback() {
    }

    static ContactEvent answer(Metric metric, Integer score, Scale scale) {
        return new ContactEvent("e-1", "survey", EventType.FEEDBACK, Channel.EMAIL,
                Instant.parse("2026-01-05T10:00:00Z"), new CustomerIds(null, "ann@example.com", null, null, null),
                "conv-1", "agent-7", "billing", null, new FeedbackDetails(metric, score, scale, "hard", null), null);
    }
}
