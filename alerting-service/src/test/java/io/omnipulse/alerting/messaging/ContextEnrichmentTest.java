package io.omnipulse.alerting.messaging;

import static io.omnipulse.alerting.messaging.TestAlerts.DEADLINE;
import static io.omnipulse.alerting.messaging.TestAlerts.awaitAlertWithTriggers;
import static io.omnipulse.alerting.messaging.TestAlerts.customerId;
import static io.omnipulse.alerting.messaging.TestAlerts.detail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueEmail;
import static io.omnipulse.alerting.messaging.TestAlerts.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.omnipulse.alerting.service.ContextClient;
import io.omnipulse.alerting.service.ProfileAnswer;
import io.omnipulse.alerting.testing.CannedContext;
import io.omnipulse.alerting.testing.ContextServersResource;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.devstack.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each alert gets the customer's recent journey and scores from a fake profile-service and
 * scoring-service (a JDK HTTP server serving fixed JSON), and the profile's identifiers fill in
 * what its contact lacks; with that server down the alert is still raised and says its context is
 * unavailable.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(value = ContextServersResource.class, scope = TestResourceScope.GLOBAL)
class ContextEnrichmentTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** A customer whose fake profile answer is 2 MiB long. */
    private static final String OVERSIZED = "customer-with-an-oversized-profile";

    private static final List<URI> REQUESTS = new CopyOnWriteArrayList<>();
    private static ResolvedEventProducer producer;
    private static HttpServer services;
    private static int port;

    @Inject
    ContextClient client;

    @BeforeAll
    static void start() throws IOException {
        port = URI.create(ConfigProvider.getConfig().getValue("omnipulse.alerting.context.profile-url", String.class))
                .getPort();
        startServices();
        producer = new ResolvedEventProducer();
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (services != null) {
            services.stop(0);
        }
    }

    @Test
    void anAlertCarriesTheCustomersRecentJourneyScoresAndTheIdentifiersOfTheirProfile() {
        String email = uniqueEmail();
        producer.send(ResolvedEventProducer.nps(uniqueId(), email, 2, "nobody called back", T0));

        long id = awaitAlertWithTriggers(customerId(email), 1).getLong("id");
        JsonPath alert = awaitContext(id, "FETCHED");

        assertThat(alert.getList("journey.eventId")).containsExactly("e-1", "e-2", "e-3");
        assertThat(alert.getString("journey[0].status")).isEqualTo("unresolved");
        assertThat(alert.getString("journey[1].summary")).isEqualTo("NPS 2: nobody called back");
        assertThat(alert.getInt("scores.nps.detractors")).isEqualTo(2);
        assertThat(alert.getDouble("scores.nps.score")).isEqualTo(-66.7);
        assertThat(alert.getDouble("scores.ces.highEffortShare")).isEqualTo(100.0);
        assertThat(alert.getDouble("scores.csat.percent")).isEqualTo(0.0);
        assertThat(alert.getString("context.fetchedAt")).isNotNull();
        // The profile fills what the answer did not say (its first phone of two); the answer's e-mail stays.
        assertThat(alert.getString("contact.email")).isEqualTo(email);
        assertThat(alert.getString("contact.phone")).isEqualTo("+442079460000");
        assertThat(alert.getString("contact.crmId")).isEqualTo("CRM-0042");
        assertThat(alert.getString("contact.handle")).isEqualTo("twitter:ann_w");
        assertThat(alert.getString("contact.chatVisitorId")).isEqualTo("v-7f3a");
        assertThat(alert.getString("contact.best")).isEqualTo(email);
        // The answer came by e-mail at 09:00; the profile knows a chat at 11:30, the newer contact.
        assertThat(alert.getString("contact.lastChannel")).isEqualTo("chat");
        // Asked about this customer, over the last 30 days.
        String customer = customerId(email);
        assertThat(REQUESTS).extracting(URI::toString)
                .contains("/profile/v1/customers/" + customer,
                        "/scoring/v1/scores?scope=customer&key=" + customer + "&window=30d");
    }

    @Test
    void withTheServicesDownTheAlertIsStillRaisedAndSaysItsContextIsUnavailable() throws IOException {
        services.stop(0);
        try {
            String email = uniqueEmail();
            producer.send(ResolvedEventProducer.nps(uniqueId(), email, 1, "furious", T0));

            JsonPath raised = awaitAlertWithTriggers(customerId(email), 1);
            assertThat(raised.getString("status")).isEqualTo("OPEN");
            assertThat(raised.getString("severity")).isEqualTo("CRITICAL");

            JsonPath alert = awaitContext(raised.getLong("id"), "UNAVAILABLE");
            assertThat(alert.getString("context.note")).contains("unavailable");
            assertThat(alert.getInt("context.attempts")).isEqualTo(3);
            assertThat(alert.getString("context.error")).contains("profile").contains("scores");
            assertThat(alert.getString("journey")).isNull();
            assertThat(alert.getString("scores")).isNull();
            // What the answer said is still there to reach the customer by.
            assertThat(alert.getString("contact.best")).isEqualTo(email);
            assertThat(alert.getString("contact.phone")).isNull();
        } finally {
            startServices();
        }
    }

    /**
     * The JDK HTTP client's sendAsync completes through CompletableFuture's default executor, which
     * on a machine with two cores starts a thread per task: some 13,000 threads in a detractor storm.
     */
    @Test
    void contextRequestsRunOnABoundedPoolAndStartNoThreadPerRequest() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        fetchProfiles(20); // the pool's own threads start here
        long before = threads.getTotalStartedThreadCount();

        fetchProfiles(200);

        assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(50);
    }

    /** The default bound, 1 MiB: far above a real profile, far below what would strain the heap. */
    @Test
    void anAnswerLargerThanTheBoundIsCutOffAndFailsTheAttempt() {
        assertThatThrownBy(() -> client.profile(OVERSIZED).orElseThrow().join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("an answer larger than 1048576 bytes");
    }

    private void fetchProfiles(int count) {
        List<CompletableFuture<ProfileAnswer>> profiles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            profiles.add(client.profile("customer-" + i).orElseThrow());
        }
        profiles.forEach(CompletableFuture::join);
    }

    private static JsonPath awaitContext(long id, String status) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> detail(id), alert -> status.equals(alert.getString("context.status")));
    }

    private static void startServices() throws IOException {
        services = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        // GET /v1/customers/{id} only: its sub-resources (journey, merges) are not asked for.
        services.createContext(ContextServersResource.PROFILE_PATH + "/v1/customers/" + OVERSIZED,
                exchange -> answer(exchange, "{\"journey\":[],\"padding\":\"" + "x".repeat(2 << 20) + "\"}"));
        services.createContext(ContextServersResource.PROFILE_PATH + "/v1/customers/", exchange -> answer(exchange,
                exchange.getRequestURI().getPath().matches(".*/v1/customers/[^/]+") ? CannedContext.PROFILE : null));
        services.createContext(ContextServersResource.SCORING_PATH + "/v1/scores",
                exchange -> answer(exchange, CannedContext.SCORES));
        services.start();
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        REQUESTS.add(exchange.getRequestURI());
        CannedContext.reply(exchange, json);
    }
}
