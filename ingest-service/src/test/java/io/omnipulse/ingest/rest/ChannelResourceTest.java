package io.omnipulse.ingest.rest;

import static io.omnipulse.ingest.rest.Payloads.minuteAgo;
import static io.omnipulse.ingest.rest.Payloads.uniqueId;
import static io.omnipulse.ingest.rest.TestSource.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.InteractionStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ChannelResourceTest {

    /** Posts a native payload, expects 202 with the produced id, and returns the record Kafka holds. */
    static ConsumerRecord<String, ContactEvent> postAndConsume(String channel, String body, String expectedEventId) {
        try (ContactEventsTopic topic = ContactEventsTopic.fromNow()) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/v1/channels/" + channel)
                    .then().statusCode(202)
                    .body("eventId", is(expectedEventId));
            ConsumerRecord<String, ContactEvent> record =
                    topic.awaitRecords(1, e -> e.eventId().equals(expectedEventId)).get(0);
            assertThat(record.key()).isEqualTo(CustomerKeys.customerId(record.value().customer()));
            assertThat(record.value().ingestedAt()).isNotNull();
            assertThat(record.value().type()).isEqualTo(EventType.INTERACTION);
            assertThat(record.value().interaction().direction()).isEqualTo(Direction.INBOUND);
            return record;
        }
    }

    @Test
    void inboundEmailIsPublishedAsAnEmailInteractionOfTheSender() {
        String id = uniqueId("msg");
        String body = """
                {"messageId":"<%s>","from":"Ann Smith <ann.smith@example.com>","to":"support@omnipulse.io",
                 "subject":"Wrong invoice","inReplyTo":"<parent-1>","receivedAt":"%s","text":"Please fix","team":"billing"}"""
                .formatted(id, minuteAgo());
        ContactEvent e = postAndConsume("email", body, "email:" + id).value();
        assertThat(e.source()).as("named none: the API key's").isEqualTo(TestSource.PRIMARY);
        assertThat(e.channel()).isEqualTo(Channel.EMAIL);
        assertThat(e.customer().email()).isEqualTo("ann.smith@example.com");
        assertThat(e.conversationId()).isEqualTo("parent-1");
        assertThat(e.team()).isEqualTo("billing");
        assertThat(e.interaction().status()).isEqualTo(InteractionStatus.OPEN);
        assertThat(e.interaction().subject()).isEqualTo("Wrong invoice");
    }

    @Test
    void resolvedChatIsPublishedWithWaitAndHandleTime() {
        String id = uniqueId("chat");
        Instant start = Instant.now().minusSeconds(900);
        String body = """
                {"source":"livechat","sessionId":"%s","visitorId":"v-%s","agentId":"a-1","team":"care","waitSeconds":60,
                 "resolved":true,"startedAt":"%s","endedAt":"%s","text":"router fixed"}"""
                .formatted(id, id, start, start.plusSeconds(660));
        ContactEvent e = postAndConsume("chat", body, "chat:" + id).value();
        assertThat(e.source()).isEqualTo("livechat");
        assertThat(e.channel()).isEqualTo(Channel.CHAT);
        assertThat(e.customer().chatVisitorId()).isEqualTo("v-" + id);
        assertThat(e.conversationId()).isEqualTo(id);
        assertThat(e.interaction().status()).isEqualTo(InteractionStatus.RESOLVED);
        assertThat(e.interaction().waitSeconds()).isEqualTo(60);
        assertThat(e.interaction().handleSeconds()).isEqualTo(600);
        assertThat(e.interaction().text()).isEqualTo("router fixed");
    }

    @Test
    void publicSocialPostIsPublishedUnderThePlatformHandle() {
        String postId = uniqueId("post");
        String body = """
                {"platform":"Twitter","handle":"@AnnSmith","postId":"%s","text":"third call, still broken",
                 "visibility":"public","postedAt":"%s"}""".formatted(postId, minuteAgo());
        ConsumerRecord<String, ContactEvent> record = postAndConsume("social", body, "social:twitter:" + postId);
        ContactEvent e = record.value();
        assertThat(e.source()).as("named none: the API key's").isEqualTo(TestSource.PRIMARY);
        assertThat(e.channel()).isEqualTo(Channel.SOCIAL);
        assertThat(e.customer().handle()).isEqualTo("twitter:AnnSmith");
        assertThat(record.key()).isEqualTo(CustomerKeys.customerIdOf("handle:twitter:annsmith"));
        assertThat(e.conversationId()).isEqualTo(postId);
        assertThat(e.interaction().text()).isEqualTo("third call, still broken");
    }

    @Test
    void transferredCallIsPublishedWithQueueWaitHandleTimeAndTransfers() {
        String id = uniqueId("call");
        Instant ring = Instant.now().minusSeconds(1200);
        String body = """
                {"callId":"%s","callerNumber":"+44 20 7946 0018","queue":"billing","startedAt":"%s","answeredAt":"%s",
                 "endedAt":"%s","transfers":2,"agentId":"a-9","disposition":"transferred"}"""
                .formatted(id, ring, ring.plusSeconds(120), ring.plusSeconds(720));
        ContactEvent e = postAndConsume("call", body, "call:" + id).value();
        assertThat(e.source()).as("named none: the API key's").isEqualTo(TestSource.PRIMARY);
        assertThat(e.channel()).isEqualTo(Channel.CALL);
        assertThat(e.customer().phone()).isEqualTo("+44 20 7946 0018");
        assertThat(e.team()).isEqualTo("billing");
        assertThat(e.agentId()).isEqualTo("a-9");
        assertThat(e.occurredAt()).isEqualTo(ring);
        assertThat(e.interaction().waitSeconds()).isEqualTo(120);
        assertThat(e.interaction().handleSeconds()).isEqualTo(600);
        assertThat(e.interaction().transfers()).isEqualTo(2);
        assertThat(e.interaction().status()).isEqualTo(InteractionStatus.TRANSFERRED);
    }

    @Test
    void aCallerNumberWrittenNationallyIsKeyedByItsE164FormInTheDefaultRegion() {
        String id = uniqueId("call");
        String body = """
                {"callId":"%s","callerNumber":"(020) 7946-0019","startedAt":"%s"}""".formatted(id, minuteAgo());
        String expected = CustomerKeys.customerIdOf("phone:+442079460019");
        try (ContactEventsTopic topic = ContactEventsTopic.fromNow()) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/v1/channels/call")
                    .then().statusCode(202)
                    .body("customerId", is(expected));
            assertThat(topic.awaitRecords(1, e -> e.eventId().equals("call:" + id)).get(0).key()).isEqualTo(expected);
        }
    }

    @Test
    void missingNativeFieldsAreNamedAsTheChannelSendsThem() {
        given().contentType(ContentType.JSON).body("{\"from\":\"ann@example.com\"}")
                .when().post("/v1/channels/email")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", is(List.of("messageId", "receivedAt")));
    }

    @Test
    void rulesOfTheCanonicalEventAreReportedUnderNativeNames() {
        String body = """
                {"sessionId":"%s","visitorId":"v-1","waitSeconds":-5,"startedAt":"%s"}"""
                .formatted(uniqueId("chat"), minuteAgo());
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/channels/chat")
                .then().statusCode(400)
                .body("errors.field", is(List.of("waitSeconds")));
        String future = """
                {"callId":"c","callerNumber":"+4420","startedAt":"%s","transfers":-1}"""
                .formatted(Instant.now().plusSeconds(3600));
        given().contentType(ContentType.JSON).body(future)
                .when().post("/v1/channels/call")
                .then().statusCode(400)
                .body("errors.field", is(List.of("startedAt", "transfers")));
    }

    @Test
    void wrongJsonTypeInANativePayloadIsNamed() {
        given().contentType(ContentType.JSON)
                .body("{\"sessionId\":\"s\",\"visitorId\":\"v\",\"resolved\":\"maybe\",\"startedAt\":\"" + minuteAgo() + "\"}")
                .when().post("/v1/channels/chat")
                .then().statusCode(400)
                .body("errors.field", is(List.of("resolved")));
    }
}
