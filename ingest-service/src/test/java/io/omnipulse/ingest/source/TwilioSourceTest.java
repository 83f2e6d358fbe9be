package io.omnipulse.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.devstack.testkit.VendorSigner;
import io.omnipulse.ingest.domain.PayloadTooLargeException;
import io.omnipulse.ingest.domain.StrictJson;
import io.omnipulse.problem.InvalidRequestException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A batch maps element by element, naming an element's errors by its index; the body's digest is checked too. */
class TwilioSourceTest {

    static final URI SINK = URI.create("https://cx.example.com/v1/sources/twilio");
    static final String TOKEN = "twilio-auth-token-0123";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    final TwilioSource twilio = new TwilioSource();

    @Test
    void anErrorInABatchElementNamesTheElementByItsIndex() {
        String batch = "[" + accepted("EZ1", "WT1", "{\\\"from\\\":\\\"+442079460321\\\"}") + ","
                + accepted("EZ2", "WT2", "{\\\"from\\\":\\\"+442079460322\\\"}") + ","
                + accepted("EZ3", null, "{\\\"from\\\":\\\"+442079460323\\\"}") + "]";

        assertThatThrownBy(() -> map(batch)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("[2].data.payload.task_sid"));
    }

    @Test
    void theCanonicalFieldsOfABatchElementAreNamedBelowItsIndex() {
        String batch = "[" + accepted("EZ1", "WT1", "{\\\"from\\\":\\\"client:alice\\\"}") + ","
                + accepted("EZ2", "WT2", "{\\\"from\\\":\\\"+442079460322\\\"}") + "]";

        SourceMapping mapping = map(batch);

        assertThat(mapping.ignored()).containsExactly(
                new SourceMapping.Ignored(TwilioSource.RESERVATION_ACCEPTED, SourceMapping.REASON_NO_CUSTOMER));
        assertThat(mapping.mapped()).hasSize(1);
        assertThat(mapping.mapped().get(0).nativeField("agentId")).isEqualTo("[1].data.payload.worker_name");
        assertThat(mapping.mapped().get(0).nativeField("interaction.waitSeconds")).isEqualTo("[1].data.payload.task_age");
    }

    @Test
    void taskAttributesThatAreNoJsonObjectAreRefusedNamingTheElementsField() {
        String batch = "[" + accepted("EZ1", "WT1", "not json") + "]";

        assertThatThrownBy(() -> map(batch)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("[0].data.payload.task_attributes"));
    }

    @Test
    void aBatchLargerThanTheBoundIsRefusedAsTooLarge() {
        String batch = "[" + String.join(",", java.util.Collections.nCopies(TwilioSource.MAX_BATCH + 1,
                "{\"type\":\"com.twilio.taskrouter.task.created\"}")) + "]";

        assertThatThrownBy(() -> map(batch)).isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void aSignedUrlWhoseBodySha256DoesNotMatchTheBodyIsRefused() {
        byte[] signedBody = "[{\"id\":\"EZ1\"}]".getBytes(StandardCharsets.UTF_8);
        byte[] otherBody = "[{\"id\":\"EZ2\"}]".getBytes(StandardCharsets.UTF_8);
        URI url = VendorSigner.twilioUrl(SINK, signedBody);
        Map<String, String> headers = VendorSigner.headers("twilio", TOKEN, signedBody, url, CLOCK.instant());

        assertThatCode(() -> verify(signedBody, headers, url)).doesNotThrowAnyException();
        assertThatThrownBy(() -> verify(otherBody, headers, url)).isInstanceOf(WebhookUnauthorizedException.class)
                .hasMessageContaining("bodySHA256");
    }

    @Test
    void aSignedUrlWithoutBodySha256IsRefused() {
        byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = VendorSigner.headers("twilio", TOKEN, body, SINK, CLOCK.instant());

        assertThatThrownBy(() -> verify(body, headers, SINK)).isInstanceOf(WebhookUnauthorizedException.class)
                .hasMessageContaining("bodySHA256");
    }

    private void verify(byte[] body, Map<String, String> headers, URI url) {
        twilio.verify(new WebhookRequest(body, new HashMap<>(headers), url), TOKEN, CLOCK, Duration.ofMinutes(5));
    }

    private SourceMapping map(String body) {
        return twilio.map(StrictJson.tree(body), new WebhookRequest(body.getBytes(StandardCharsets.UTF_8), Map.of(), SINK));
    }

    /** A reservation.accepted CloudEvent of a voice task; {@code attributes} already escaped for a JSON string. */
    private static String accepted(String id, String taskSid, String attributes) {
        return """
                {"specversion":"1.0","type":"com.twilio.taskrouter.reservation.accepted","id":"%s",
                 "time":"2026-03-01T09:59:00Z","data":{"payload":{"eventtype":"reservation.accepted",%s
                 "task_attributes":"%s","task_channel_unique_name":"voice","task_queue_name":"Billing",
                 "task_age":30,"worker_name":"alex.agent"}}}"""
                .formatted(id, taskSid == null ? "" : "\"task_sid\":\"" + taskSid + "\",", attributes);
    }
}
