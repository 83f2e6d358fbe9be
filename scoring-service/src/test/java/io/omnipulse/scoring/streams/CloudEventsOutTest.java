package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.Events.T0;
import static io.omnipulse.scoring.streams.Events.answer;
import static io.omnipulse.scoring.streams.Events.handled;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.omnipulse.events.Channel;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topics;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Score updates and effort indexes are CloudEvents in the Kafka binding's binary mode, read back with
 * the SDK; their values stay the JSON the catalog serdes read, and a tombstone stays a tombstone.
 */
class CloudEventsOutTest {

    static final String ANN = "ann@example.com";

    @Test
    void everyScoreUpdateReadsAsACloudEventWhoseDataIsTheValue() {
        try (ScoringDriver scoring = new ScoringDriver()) {
            scoring.send(answer("n1", Channel.EMAIL, ANN, T0, Metric.NPS, 2, null));

            List<TestRecord<String, byte[]>> records = raw(scoring, Topics.SCORE_UPDATES.name()).readRecordsToList();

            assertThat(records).isNotEmpty().extracting(TestRecord::key).contains("channel:email:7d", "global:all:all");
            for (TestRecord<String, byte[]> record : records) {
                CloudEvent event = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();
                ScoreUpdated value = Topics.SCORE_UPDATES.valueSerde().deserializer().deserialize("t", record.value());
                assertThat(event.getType()).isEqualTo("io.omnipulse.score.updated.v1");
                assertThat(event.getSource()).isEqualTo(URI.create("/omnipulse/scoring-service"));
                assertThat(event.getSubject()).isEqualTo(record.key());
                assertThat(event.getTime()).isEqualTo(value.updatedAt().atOffset(ZoneOffset.UTC));
                assertThat(event.getDataContentType()).isEqualTo("application/json");
                assertThat(event.getData().toBytes()).isEqualTo(record.value());
            }
            assertThat(records).extracting(r -> header(r, "ce_id")).doesNotHaveDuplicates();
        }
    }

    @Test
    void theSameInputGivesTheSameIdsWhenProcessedAgain() {
        List<String> first;
        try (ScoringDriver scoring = new ScoringDriver()) {
            scoring.send(answer("n1", Channel.EMAIL, ANN, T0, Metric.NPS, 2, null));
            first = raw(scoring, Topics.SCORE_UPDATES.name()).readRecordsToList().stream().map(r -> header(r, "ce_id")).toList();
        }
        try (ScoringDriver again = new ScoringDriver()) {
            again.send(answer("n1", Channel.EMAIL, ANN, T0, Metric.NPS, 2, null));
            assertThat(raw(again, Topics.SCORE_UPDATES.name()).readRecordsToList())
                    .extracting(r -> header(r, "ce_id")).isEqualTo(first).isNotEmpty();
        }
    }

    @Test
    void effortIndexesAndTheirTombstonesReadAsCloudEvents() {
        try (ScoringDriver scoring = new ScoringDriver()) {
            for (int i = 0; i < 3; i++) {
                scoring.send(handled("c" + i, Channel.CALL, ANN, T0.plus(Duration.ofHours(i)), "conv-" + i, "billing",
                        "a-1", InteractionStatus.OPEN, 1, 30));
            }
            String customer = MergeFoldingTest.id(ANN);
            TestRecord<String, byte[]> index = last(raw(scoring, Topics.EFFORT_INDEX.name()).readRecordsToList());

            CloudEvent changed = KafkaMessageFactory.createReader(index.headers(), index.value()).toEvent();
            EffortIndexUpdated value = Topics.EFFORT_INDEX.valueSerde().deserializer().deserialize("t", index.value());
            assertThat(changed.getType()).isEqualTo("io.omnipulse.effort-index.updated.v1");
            assertThat(changed.getSubject()).isEqualTo(customer).isEqualTo(value.customerId());
            assertThat(changed.getTime()).isEqualTo(value.updatedAt().atOffset(ZoneOffset.UTC));

            scoring.erase("erasure-1", customer, T0.plus(Duration.ofDays(1)));
            TestRecord<String, byte[]> tombstone = last(raw(scoring, Topics.EFFORT_INDEX.name()).readRecordsToList());

            assertThat(tombstone.value()).isNull();
            CloudEvent forgotten = KafkaMessageFactory.createReader(tombstone.headers(), tombstone.value()).toEvent();
            assertThat(forgotten.getType()).isEqualTo("io.omnipulse.effort-index.forgotten.v1");
            assertThat(forgotten.getSubject()).isEqualTo(customer);
            assertThat(forgotten.getData()).isNull();
            assertThat(tombstone.headers().lastHeader("content-type")).isNull();
        }
    }

    private static TestOutputTopic<String, byte[]> raw(ScoringDriver scoring, String topic) {
        return scoring.driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static <T> T last(List<T> records) {
        assertThat(records).isNotEmpty();
        return records.get(records.size() - 1);
    }
}
