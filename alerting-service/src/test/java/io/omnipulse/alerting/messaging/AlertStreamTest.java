package io.omnipulse.alerting.messaging;

import static io.omnipulse.alerting.messaging.TestAlerts.DEADLINE;
import static io.omnipulse.alerting.messaging.TestAlerts.customerId;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueEmail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.alerting.testing.NotificationReceiversResource;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.omnipulse.devstack.testkit.TestTokens;
import io.omnipulse.security.Roles;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A live screen connected to GET /v1/alerts/stream sees an alert raised after it connected. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(value = NotificationReceiversResource.class, scope = TestResourceScope.GLOBAL)
class AlertStreamTest {

    @TestHTTPResource("/v1/alerts/stream")
    URI stream;

    @Test
    void aConnectedScreenReceivesTheRaisedAlertAsAServerSentEvent() throws Exception {
        Queue<String> lines = new ConcurrentLinkedQueue<>();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TestTokens.token("lead@example.com", List.of(Roles.LEAD), List.of()))
                .GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> connected = response.get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(connected.statusCode()).isEqualTo(200);
        assertThat(connected.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> connected.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();

        String email = uniqueEmail();
        try (ResolvedEventProducer producer = new ResolvedEventProducer()) {
            producer.send(ResolvedEventProducer.nps(uniqueId(), email, 1, "nobody called back", Instant.now()));
        }

        String key = customerId(email);
        await().atMost(DEADLINE).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(key)));
        List<String> data = lines.stream().filter(l -> l.startsWith("data:") && l.contains(key)).toList();
        assertThat(data.get(0)).contains("\"type\":\"raised\"", "\"cause\":\"DETRACTOR\"", "\"severity\":\"CRITICAL\"");
        connected.body().close();
    }
}
