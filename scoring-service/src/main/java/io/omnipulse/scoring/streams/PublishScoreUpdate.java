package io.omnipulse.scoring.streams;

import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScoreTally;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns a changed tally (keyed {@code scope|key}) into the published {@link ScoreUpdated}, keyed
 * {@code scope:key:window}. updatedAt is the record time of the latest response in the tally.
 */
class PublishScoreUpdate extends ContextualProcessor<String, ScoreTally, String, ScoreUpdated> {

    @Override
    public void process(Record<String, ScoreTally> record) {
        if (record.value() == null) {
            return;
        }
        ScopeKey scope = ScopeKey.parse(record.key());
        ScoreUpdated update = record.value()
                .toScoreUpdated(scope, ScoreTally.ALL_TIME, Instant.ofEpochMilli(record.timestamp()));
        context().forward(record.withKey(scope.topicKey(ScoreTally.ALL_TIME)).withValue(update));
    }
}
