package io.omnipulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void headersReadBackWithTheSdkAsTheEventTheyDescribe() {
        byte[] json = "{\"alertId\":7}".getBytes(StandardCharsets.UTF_8);

        Headers headers = CloudEventHeaders.with(new RecordHeaders(), "41", CloudEventHeaders.ALERTING,
                "io.omnipulse.alert.raised.v1", "7", AT, json);

        assertThat(names(headers)).containsExactlyInAnyOrder("ce_specversion", "ce_id", "ce_source", "ce_type",
                "ce_subject", "ce_time", "content-type");
        CloudEvent event = KafkaMessageFactory.createReader(headers, json).toEvent();
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isEqualTo("41");
        assertThat(event.getSource()).isEqualTo(URI.create("/omnipulse/alerting-service"));
        assertThat(event.getType()).isEqualTo("io.omnipulse.alert.raised.v1");
        assertThat(event.getSubject()).isEqualTo("7");
        assertThat(event.getTime()).isEqualTo(AT.atOffset(ZoneOffset.UTC));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getData().toBytes()).isEqualTo(json);
    }

    @Test
    void aTombstoneIsAnEventWithoutDataOrContentType() {
        Headers headers = CloudEventHeaders.with(new RecordHeaders(), "x", CloudEventHeaders.SCORING,
                CloudEventHeaders.SCORE_FORGOTTEN, "customer:cus-1:7d", AT, null);

        assertThat(names(headers)).doesNotContain("content-type");
        CloudEvent event = KafkaMessageFactory.createReader(headers, null).toEvent();
        assertThat(event.getType()).isEqualTo("io.omnipulse.score.forgotten.v1");
        assertThat(event.getData()).isNull();
    }

    @Test
    void otherHeadersStayAndEarlierCloudEventsHeadersAreReplacedNotRepeated() {
        Headers input = new RecordHeaders();
        input.add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
        Headers first = CloudEventHeaders.with(input, "1", CloudEventHeaders.SCORING, CloudEventHeaders.SCORE_UPDATED,
                "global:all:7d", AT, new byte[] {'{', '}'});

        Headers second = CloudEventHeaders.with(first, "2", CloudEventHeaders.SCORING,
                CloudEventHeaders.EFFORT_INDEX_UPDATED, "cus-1", AT, new byte[] {'{', '}'});

        assertThat(names(second)).containsOnlyOnce("ce_id", "ce_type", "content-type").contains("traceparent");
        assertThat(new String(second.lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo("2");
        assertThat(names(input)).containsExactly("traceparent");
    }

    @Test
    void everyAlertKindHasItsOwnType() {
        List<AlertEvent> kinds = List.of(
                new AlertRaised(1, "customer", "cus-1", "DETRACTOR", "CRITICAL", "billing", "nps 2", "s", "e", AT, AT),
                new AlertAcknowledged(1, "lead", AT), new AlertResolved(1, "contacted", null, "lead", AT));

        assertThat(kinds).extracting(CloudEventHeaders::alertType).containsExactly("io.omnipulse.alert.raised.v1",
                "io.omnipulse.alert.acknowledged.v1", "io.omnipulse.alert.resolved.v1");
    }

    @Test
    void contentIdsAreStableForTheSameContentAndDifferOtherwise() {
        byte[] value = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
        String id = CloudEventHeaders.contentId("cx.score-updates.v1", "global:all:7d", value, 1);

        assertThat(id).hasSize(32).isEqualTo(CloudEventHeaders.contentId("cx.score-updates.v1", "global:all:7d",
                Arrays.copyOf(value, value.length), 99));
        assertThat(id).isNotEqualTo(CloudEventHeaders.contentId("cx.score-updates.v1", "global:all:30d", value, 1));
        assertThat(CloudEventHeaders.contentId("cx.score-updates.v1", "k", null, 1))
                .isNotEqualTo(CloudEventHeaders.contentId("cx.score-updates.v1", "k", null, 2));
    }

    private static List<String> names(Headers headers) {
        return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
    }
}
