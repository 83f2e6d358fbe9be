package io.omnipulse.alerting.messaging;

import static io.omnipulse.alerting.messaging.TestAlerts.DEADLINE;
import static io.omnipulse.alerting.messaging.TestAlerts.awaitAlertWithTriggers;
import static io.omnipulse.alerting.messaging.TestAlerts.customerId;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueEmail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueId;
import static io.omnipulse.devstack.testkit.TestTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.omnipulse.alerting.notify.WebhookSigner;
import io.omnipulse.alerting.testing.NotificationReceiversResource;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notifications against real receivers: a JDK HTTP server that answers the first delivery of every
 * message with 500 and verifies each signature, and a GreenMail SMTP server.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(value = NotificationReceiversResource.class, scope = TestResourceScope.GLOBAL)
class NotificationFlowTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** One received request: what the headers said and whether the signature was right. */
    record Received(String id, String timestamp, String signature, String body, boolean signatureValid, int answered) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** Marks the trigger events whose webhooks wait for company (see #receiveTogether). */
    private static final String TOGETHER = "together-";
    /** Marks the trigger events whose first webhook is answered with headers and then nothing more. */
    private static final String STALLING = "stalling-";
    /** Holds the stalled answers until the receivers stop. */
    private static final CountDownLatch RECEIVERS_STOPPED = new CountDownLatch(1);
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicInteger MOST_IN_FLIGHT = new AtomicInteger();
    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();

    private static ResolvedEventProducer producer;
    private static HttpServer webhooks;
    private static GreenMail smtp;

    @BeforeAll
    static void startReceivers() throws IOException {
        var config = ConfigProvider.getConfig();
        URI url = URI.create(config.getValue("omnipulse.alerting.notify.webhook.urls", String.class));
        WebhookSigner verifier = new WebhookSigner(config.getValue("omnipulse.alerting.notify.webhook.secret",
                String.class));
        webhooks = HttpServer.create(new InetSocketAddress("127.0.0.1", url.getPort()), 0);
        webhooks.createContext(NotificationReceiversResource.WEBHOOK_PATH, exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("\"triggerEventId\":\"" + TOGETHER)) {
                receiveTogether();
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            // The receiver's side of Standard Webhooks: recompute and compare.
            boolean valid = id != null && timestamp != null && signature != null
                    && Arrays.asList(signature.split(" ")).contains(verifier.sign(id, Long.parseLong(timestamp), body));
            if (body.contains("\"triggerEventId\":\"" + STALLING) && FAILED_ONCE.add(id)) {
                RECEIVED.add(new Received(id, timestamp, signature, body, valid, 200));
                stall(exchange);
                return;
            }
            int status = FAILED_ONCE.add(id) ? 500 : 204;
            RECEIVED.add(new Received(id, timestamp, signature, body, valid, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        // Several requests at once, as a real receiver takes them (the JDK server's default is one thread).
        webhooks.setExecutor(Executors.newFixedThreadPool(8));
        webhooks.start();
        int smtpPort = config.getValue("quarkus.mailer.port", Integer.class);
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        producer = new ResolvedEventProducer();
    }

    @AfterAll
    static void stopReceivers() {
        RECEIVERS_STOPPED.countDown();
        producer.close();
        webhooks.stop(0);
        smtp.stop();
    }

    @Test
    void aRaisedAlertIsDeliveredSignedAndRetriedAfterA500() {
        String email = uniqueEmail();
        producer.send(ResolvedEventProducer.nps(uniqueId(), email, 1, "never again", T0));
        long id = awaitAlertWithTriggers(customerId(email), 1).getLong("id");

        List<Received> raised = await().atMost(DEADLINE).until(() -> deliveriesOf(id, "alert.raised"),
                r -> r.size() >= 2);
        assertThat(raised.get(0).answered()).isEqualTo(500);
        assertThat(raised.get(1).answered()).isEqualTo(204);
        assertThat(raised).allSatisfy(r -> {
            assertThat(r.signatureValid()).as("signature %s", r.signature()).isTrue();
            assertThat(r.signature()).startsWith("v1,");
        });
        // A retry is the same message: same webhook-id, same body.
        assertThat(raised.get(1).id()).isEqualTo(raised.get(0).id());
        assertThat(raised.get(1).body()).isEqualTo(raised.get(0).body());
        JsonPath body = JsonPath.from(raised.get(1).body());
        assertThat(body.getString("data.type")).isEqualTo("raised");
        assertThat(body.getString("data.cause")).isEqualTo("DETRACTOR");
        assertThat(body.getString("data.key")).isEqualTo(customerId(email));
        // Whom to call back, read from the alert when sent (the event on Kafka carries no identifier).
        assertThat(body.getString("data.contact.email")).isEqualTo(email);
        assertThat(body.getString("data.contact.best")).isEqualTo(email);
        assertThat(body.getString("data.contact.lastChannel")).isEqualTo("email");

        // The delivery log says so too.
        await().atMost(DEADLINE).until(() -> given().get("/v1/alerts/{id}/deliveries", id).then().statusCode(200)
                .extract().jsonPath(), log -> "SENT".equals(webhookStatus(log)));
        JsonPath log = given().get("/v1/alerts/{id}/deliveries", id).then().extract().jsonPath();
        assertThat(log.getInt("find { it.channel == 'WEBHOOK' }.attempts")).isEqualTo(2);
    }

    /**
     * A batch's deliveries do not wait for one another: each webhook of these alerts is held by the
     * receiver until another is in flight beside it (or 1.5 s passed, less than the sender's 2 s
     * timeout, so a sender that gave up never overlaps the next), so one delivery at a time would
     * never see two at once. Every alert's raise still arrives, signed.
     */
    @Test
    void theWebhooksOfManyAlertsAreDeliveredSeveralAtATime() {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String email = uniqueEmail();
            customers.add(customerId(email));
            producer.send(ResolvedEventProducer.nps(TOGETHER + uniqueId(), email, 1, "no one answers", T0));
        }
        List<Long> ids = customers.stream().map(c -> awaitAlertWithTriggers(c, 1).getLong("id")).toList();

        for (long id : ids) {
            List<Received> raised = await().atMost(DEADLINE).until(() -> deliveriesOf(id, "alert.raised"),
                    r -> r.stream().anyMatch(delivery -> delivery.answered() == 204));
            assertThat(raised).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        }
        assertThat(MOST_IN_FLIGHT.get()).as("webhooks in flight at once").isGreaterThanOrEqualTo(2);
    }

    /**
     * A receiver that answers 200 and then never finishes its answer (a proxy or a server that hangs
     * mid-response) costs one attempt of one delivery, not the dispatcher: the attempt ends at the
     * sender's timeout and is retried, and the retry is delivered.
     */
    @Test
    void anAnswerThatNeverEndsIsGivenUpAtTheTimeoutAndTheDeliveryRetried() {
        String email = uniqueEmail();
        producer.send(ResolvedEventProducer.nps(STALLING + uniqueId(), email, 1, "on hold forever", T0));
        long id = awaitAlertWithTriggers(customerId(email), 1).getLong("id");

        List<Received> raised = await().atMost(DEADLINE).until(() -> deliveriesOf(id, "alert.raised"),
                r -> r.stream().anyMatch(delivery -> delivery.answered() == 204));
        assertThat(raised).extracting(Received::answered).containsExactly(200, 204);
        JsonPath log = await().atMost(DEADLINE).until(() -> given().get("/v1/alerts/{id}/deliveries", id).then()
                .statusCode(200).extract().jsonPath(), l -> "SENT".equals(webhookStatus(l)));
        assertThat(log.getInt("find { it.channel == 'WEBHOOK' }.attempts")).isEqualTo(2);
    }

    /** Sends the headers of a 200 and the first byte of a body, then holds the answer open until the receivers stop. */
    private static void stall(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write('{');
        exchange.getResponseBody().flush();
        try {
            RECEIVERS_STOPPED.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    /** Holds a request until another one is in flight beside it, or 1.5 s passed. */
    private static void receiveTogether() {
        synchronized (IN_FLIGHT) {
            MOST_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
            IN_FLIGHT.notifyAll();
            try {
                long giveUp = System.nanoTime() + 1_500_000_000L;
                long left;
                while (IN_FLIGHT.get() < 2 && (left = giveUp - System.nanoTime()) > 0) {
                    // Woken by the next request's arrival (notifyAll), not by a clock.
                    IN_FLIGHT.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                IN_FLIGHT.decrementAndGet();
            }
        }
    }

    @Test
    void theSmtpServerReceivesTheAlertMail() throws Exception {
        String email = uniqueEmail();
        producer.send(ResolvedEventProducer.nps(uniqueId(), email, 2, "rude agent", T0));
        long id = awaitAlertWithTriggers(customerId(email), 1).getLong("id");

        MimeMessage mail = await().atMost(DEADLINE).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subjectOf(m).contains("#" + id + " ")).findFirst().orElse(null), m -> m != null);
        assertThat(mail.getSubject()).contains("CRITICAL DETRACTOR").contains(customerId(email));
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("support-leads@omnipulse.test");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("rude agent")
                .contains("Customer e-mail: " + email);
    }

    private static List<Received> deliveriesOf(long alertId, String type) {
        return RECEIVED.stream().filter(r -> {
            JsonPath body = JsonPath.from(r.body());
            return type.equals(body.getString("type")) && body.getLong("data.alertId") == alertId;
        }).toList();
    }

    private static String webhookStatus(JsonPath log) {
        List<Map<String, Object>> rows = log.getList("$");
        return rows.stream().filter(r -> "WEBHOOK".equals(r.get("channel"))).map(r -> (String) r.get("status"))
                .findFirst().orElse(null);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
