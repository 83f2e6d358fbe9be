package io.omnipulse.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.VendorFixtures;
import io.omnipulse.devstack.testkit.VendorFixtures.Fixture;
import io.omnipulse.devstack.testkit.VendorSigner;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.ingest.source.SourceMapping;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The vendor webhooks through HTTP onto the real broker: a request signed as the vendor signs it is
 * published, anything else about its signature is a 401 problem, an event OmniPulse does not use is a 200
 * that is counted, and a mapped event missing a field is a 400 naming the vendor's field.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class SourcesResourceTest {

    static final Map<String, String> SECRETS = Map.of("zendesk", "test-zendesk-signing-secret",
            "chatwoot", "test-chatwoot-webhook-secret");

    @Inject
    MeterRegistry registry;

    static Fixture fixture(String vendor, String name) {
        return VendorFixtures.of(Path.of("src/test/resources/sources"), vendor, Instant.now()).stream()
                .filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    static ValidatableResponse post(String vendor, byte[] body, Map<String, String> headers) {
        return given().contentType("application/json").headers(headers).body(body)
                .when().post("/v1/sources/" + vendor).then();
    }

    static Map<String, String> signed(String vendor, byte[] body, Instant at) {
        return VendorSigner.headers(vendor, SECRETS.get(vendor), body, URI.create("http://localhost/v1/sources/" + vendor), at);
    }

    @Test
    void aSignedZendeskRatingIsPublishedAsTheCustomersCsatAnswer() {
        Fixture rating = fixture("zendesk", "satisfaction-bad");
        try (ContactEventsTopic topic = ContactEventsTopic.fromNow()) {
            post("zendesk", rating.body(), signed("zendesk", rating.body(), Instant.now())).statusCode(202)
                    .body("accepted[0].eventId", is("zendesk:satisfaction:5158:bad"))
                    .body("accepted[0].source", is("zendesk"))
                    .body("ignored", empty());
            ConsumerRecord<String, ContactEvent> record =
                    topic.awaitRecords(1, e -> e.eventId().equals("zendesk:satisfaction:5158:bad")).get(0);
            assertThat(record.key()).isEqualTo(CustomerKeys.customerId(record.value().customer()));
            assertThat(record.value().source()).isEqualTo("zendesk");
            assertThat(record.value().feedback().score()).isEqualTo(1);
            assertThat(record.value().customer().email()).isEqualTo("gale.zendesk@example.com");
        }
    }

    @Test
    void aSignedChatwootConversationIsPublished() {
        Fixture opened = fixture("chatwoot", "conversation-created");
        post("chatwoot", opened.body(), signed("chatwoot", opened.body(), Instant.now())).statusCode(202)
                .body("accepted[0].eventId", containsString("chatwoot:conversation-opened:4021:"));
    }

    @Test
    void aWrongMissingOrStaleSignatureIsA401ProblemAndNothingIsRead() {
        Fixture rating = fixture("zendesk", "satisfaction-bad");
        byte[] tampered = rating.bodyText().replace("\"bad\"", "\"good\"").getBytes(StandardCharsets.UTF_8);
        Map<String, String> genuine = signed("zendesk", rating.body(), Instant.now());
        for (var attempt : Map.of(
                "body changed after signing", post("zendesk", tampered, genuine),
                "no signature", post("zendesk", rating.body(), Map.of()),
                "signed ten minutes ago", post("zendesk", rating.body(), signed("zendesk", rating.body(),
                        Instant.now().minus(Duration.ofMinutes(10)))),
                "chatwoot signed with zendesk's secret", post("chatwoot", rating.body(), signed("zendesk", rating.body(),
                        Instant.now()))).entrySet()) {
            attempt.getValue().statusCode(401).contentType(containsString("application/problem+json"))
                    .body("type", is(IngestProblemMappers.BAD_SIGNATURE.toString()));
        }
    }

    @Test
    void aVendorEventNotUsedIsAcknowledgedWith200AndCounted() {
        Fixture tags = fixture("zendesk", "tags-changed");
        double before = ignored("zendesk", SourceMapping.REASON_UNMAPPED_TYPE);
        post("zendesk", tags.body(), signed("zendesk", tags.body(), Instant.now())).statusCode(200)
                .body("accepted", empty())
                .body("ignored.vendorType", hasItem("zen:event-type:ticket.tags_changed"))
                .body("ignored.reason", hasItem("unmapped-type"));
        assertThat(ignored("zendesk", SourceMapping.REASON_UNMAPPED_TYPE)).isEqualTo(before + 1);
    }

    @Test
    void aMappedEventMissingAFieldIsA400NamingTheVendorsField() {
        byte[] noTicket = """
                {"type":"zen:event-type:ticket.created","id":"e-1","time":"%s","detail":{"requester_id":"1"}}"""
                .formatted(Instant.now()).getBytes(StandardCharsets.UTF_8);
        post("zendesk", noTicket, signed("zendesk", noTicket, Instant.now())).statusCode(400)
                .body("errors[0].field", equalTo("detail.id"));

        // Found by the rules every event must pass, after mapping, and still named as Zendesk names it.
        byte[] nobody = """
                {"type":"omnipulse:zendesk.satisfaction_rated","ticket_id":"9","rating":"bad","rated_at":"%s"}"""
                .formatted(Instant.now()).getBytes(StandardCharsets.UTF_8);
        post("zendesk", nobody, signed("zendesk", nobody, Instant.now())).statusCode(400)
                .body("errors[0].field", equalTo("requester_id"));
    }

    private double ignored(String vendor, String reason) {
        var counter = registry.find("omnipulse.ingest.source.events.ignored").tag("vendor", vendor).tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
