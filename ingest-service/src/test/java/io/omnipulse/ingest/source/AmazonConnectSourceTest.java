package io.omnipulse.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.ingest.domain.StrictJson;
import io.omnipulse.problem.InvalidRequestException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How one DISCONNECTED event's times and initiation become wait, handle time, status and transfers. */
class AmazonConnectSourceTest {

    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    final AmazonConnectSource connect = new AmazonConnectSource();

    @Test
    void aContactAnAgentTookWaitsUntilTakenAndIsHandledUntilTheLineClosesButIsNotCalledResolved() {
        InteractionDetails call = interaction(event("INBOUND", at(60), at(360), at(840), ""));

        assertThat(call.waitSeconds()).isEqualTo(300);
        assertThat(call.handleSeconds()).isEqualTo(480);
        assertThat(call.status()).isEqualTo(InteractionStatus.OPEN);
        assertThat(call.transfers()).isZero();
    }

    @Test
    void aQueuedContactNoAgentTookIsAbandonedAfterWaitingUntilTheCustomerHungUp() {
        InteractionDetails call = interaction(event("INBOUND", at(60), null, at(900), ""));

        assertThat(call.status()).isEqualTo(InteractionStatus.ABANDONED);
        assertThat(call.waitSeconds()).isEqualTo(840);
        assertThat(call.handleSeconds()).isNull();
    }

    @Test
    void aTransferLegIsTransferredOnceOnTheConversationOfTheFirstLeg() {
        SourceMapping mapping = map(event("TRANSFER", at(0), at(30), at(90), ""));

        assertThat(mapping.mapped().get(0).event().conversationId()).isEqualTo("amazon-connect-contact-first-leg");
        assertThat(mapping.mapped().get(0).event().interaction().status()).isEqualTo(InteractionStatus.TRANSFERRED);
        assertThat(mapping.mapped().get(0).event().interaction().transfers()).isEqualTo(1);
    }

    @Test
    void aTransferredCustomerWhoGaveUpInTheNextQueueIsAbandonedWithTheTransferCounted() {
        InteractionDetails call = interaction(event("QUEUE_TRANSFER", at(0), null, at(600), ""));

        assertThat(call.status()).isEqualTo(InteractionStatus.ABANDONED);
        assertThat(call.transfers()).isEqualTo(1);
        assertThat(call.waitSeconds()).isEqualTo(600);
    }

    @Test
    void anOutboundDialNobodyAnsweredIsNoContactButAnAnsweredOneIsOutbound() {
        assertThat(map(event("OUTBOUND", null, null, at(40), "")).ignored())
                .containsExactly(new SourceMapping.Ignored("DISCONNECTED VOICE OUTBOUND", SourceMapping.REASON_NOT_A_CONTACT));

        SourceMapping answered = map(event("OUTBOUND", null, at(5), at(300), ""));
        assertThat(answered.mapped().get(0).event().interaction().direction().wire()).isEqualTo("outbound");
        assertThat(answered.mapped().get(0).event().interaction().waitSeconds()).isNull();
    }

    @Test
    void timesOutOfOrderGiveNoDurationRatherThanAWrongOne() {
        InteractionDetails call = interaction(event("INBOUND", at(300), at(60), at(30), ""));

        assertThat(call.waitSeconds()).isNull();
        assertThat(call.handleSeconds()).isNull();
    }

    @Test
    void thePascalCaseOfTheDocumentationSamplesIsReadToo() {
        JsonNode event = tree("""
                {"version":"0","id":"e-1","detail-type":"Amazon Connect Contact Event","source":"aws.connect",
                 "time":"2026-03-01T10:15:00Z",
                 "detail":{"eventType":"DISCONNECTED","contactId":"c-1","channel":"Voice","initiationMethod":"INBOUND",
                  "disconnectTimestamp":"2026-03-01T10:15:00Z",
                  "queueInfo":{"queueArn":"arn:aws:connect:eu-west-2:1:instance/i/queue/q-1","enqueueTimestamp":"2026-03-01T10:00:00Z"},
                  "AgentInfo":{"AgentArn":"arn:aws:connect:eu-west-2:1:instance/i/agent/a-1",
                               "ConnectedToAgentTimestamp":"2026-03-01T10:05:00Z"},
                  "CustomerEndpoint":{"Address":"+442079460123","Type":"TELEPHONE_NUMBER"}}}""");

        var mapped = map(event).mapped().get(0).event();
        assertThat(mapped.agentId()).isEqualTo("a-1");
        assertThat(mapped.team()).isEqualTo("q-1");
        assertThat(mapped.customer().phone()).isEqualTo("+442079460123");
        assertThat(mapped.interaction().waitSeconds()).isEqualTo(300);
    }

    @Test
    void aDisconnectedEventWithoutChannelIsRefusedNamingTheField() {
        JsonNode event = tree("""
                {"version":"0","id":"e-1","detail-type":"Amazon Connect Contact Event","time":"2026-03-01T10:15:00Z",
                 "detail":{"eventType":"DISCONNECTED","contactId":"c-1"}}""");

        assertThatThrownBy(() -> map(event)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("detail.channel"));
    }

    private InteractionDetails interaction(JsonNode event) {
        SourceMapping mapping = map(event);
        assertThat(mapping.ignored()).isEmpty();
        return mapping.mapped().get(0).event().interaction();
    }

    private SourceMapping map(JsonNode event) {
        byte[] body = event.toString().getBytes(StandardCharsets.UTF_8);
        return connect.map(event, new WebhookRequest(body, Map.of(), URI.create("https://cx.example.com/v1/sources/amazon-connect")));
    }

    /** A voice contact of a known customer: enqueued, taken by an agent and disconnected at the given times. */
    private static JsonNode event(String initiation, String enqueued, String connected, String disconnected, String extra) {
        String queue = enqueued == null ? "" : """
                ,"queueInfo":{"queueArn":"arn:aws:connect:eu-west-2:1:instance/i/queue/q-1","enqueueTimestamp":"%s"}"""
                .formatted(enqueued);
        String agent = connected == null ? "" : """
                ,"agentInfo":{"agentArn":"arn:aws:connect:eu-west-2:1:instance/i/agent/a-1","connectedToAgentTimestamp":"%s"}"""
                .formatted(connected);
        return tree("""
                {"version":"0","id":"e-1","detail-type":"Amazon Connect Contact Event","source":"aws.connect",
                 "time":"%s","detail":{"eventType":"DISCONNECTED","contactId":"this-leg","initialContactId":"first-leg",
                 "channel":"VOICE","initiationMethod":"%s","disconnectTimestamp":"%s",
                 "customerEndpoint":{"address":"+442079460123","type":"TELEPHONE_NUMBER"}%s%s%s}}"""
                .formatted(disconnected, initiation, disconnected, queue, agent, extra));
    }

    private static String at(int seconds) {
        return T.plusSeconds(seconds).toString();
    }

    private static JsonNode tree(String json) {
        return StrictJson.tree(json);
    }
}
