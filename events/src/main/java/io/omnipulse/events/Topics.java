package io.omnipulse.events;

import io.omnipulse.events.serde.AlertRaisedSerde;
import io.omnipulse.events.serde.ContactEventSerde;
import io.omnipulse.events.serde.ScoreUpdatedSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic OmniPulse publishes, with its key and value serde. Services and tests take names
 * and serdes from here and nowhere else. Names carry a version so a breaking change gets a new topic.
 */
public final class Topics {

    /** Six partitions: enough to spread load over several instances of each service. */
    public static final int DEFAULT_PARTITIONS = 6;

    private static final Serde<String> STRING = Serdes.String();

    /** Validated contacts and survey answers from ingest, keyed by {@link CustomerKeys#customerId}. */
    public static final Topic<String, ContactEvent> CONTACT_EVENTS =
            new Topic<>("cx.contact-events.v1", STRING, new ContactEventSerde(), DEFAULT_PARTITIONS);

    /** Score changes per scope, keyed by {@code scope:key:window}. */
    public static final Topic<String, ScoreUpdated> SCORE_UPDATES =
            new Topic<>("cx.score-updates.v1", STRING, new ScoreUpdatedSerde(), DEFAULT_PARTITIONS);

    /** Alert lifecycle events, keyed by customer id. */
    public static final Topic<String, AlertRaised> ALERT_EVENTS =
            new Topic<>("cx.alert-events.v1", STRING, new AlertRaisedSerde(), DEFAULT_PARTITIONS);

    public static final List<Topic<?, ?>> ALL = List.of(CONTACT_EVENTS, SCORE_UPDATES, ALERT_EVENTS);

    private Topics() {
    }
}
