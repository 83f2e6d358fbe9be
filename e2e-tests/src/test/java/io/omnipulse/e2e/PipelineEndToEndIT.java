package io.omnipulse.e2e;

import static io.omnipulse.e2e.Payloads.feedback;
import static io.omnipulse.e2e.Payloads.interaction;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.omnipulse.devstack.DevApiKey;
import io.omnipulse.devstack.Ports;
import io.omnipulse.devstack.Stack;
import io.omnipulse.devstack.StackOptions;
import io.omnipulse.devstack.testkit.TestInfrastructure;
import io.omnipulse.devstack.testkit.VendorFixtures;
import io.omnipulse.devstack.testkit.VendorSigner;
import io.omnipulse.events.AlertRaised;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topics;
import io.omnipulse.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The packaged services (the four of the pipeline and the support leads' console), started as real processes against one real broker and one real
 * PostgreSQL by the same launcher as {@code ./omnipulse}, followed from a POST to an alert.
 */
class PipelineEndToEndIT {

    /** The secret each vendor signs its webhooks with in this stack. */
    static final Map<String, String> VENDOR_SECRETS = Map.of("zendesk", "e2e-zendesk-signing-secret",
            "chatwoot", "e2e-chatwoot-webhook-secret", "intercom", "e2e-intercom-client-secret",
            "amazon-connect", "e2e-eventbridge-connection-token", "twilio", "e2e-twilio-auth-token");

    private static Stack stack;
    private static String ingest;
    private static String profiles;
    private static String scores;
    private static String alerts;

    @BeforeAll
    static void startPipeline() {
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        StackOptions options = new StackOptions(repoRoot, TestInfrastructure.tempDir("omnipulse-e2e"),
                Ports.free(), Ports.free(), Ports.freeBlock(Stack.SERVICES.size()), false, 0);
        // The vendor webhooks check signatures here, as in production (the local stack's have no secret).
        Map<String, String> vendorSecrets = new java.util.HashMap<>();
        VENDOR_SECRETS.forEach((vendor, secret) -> vendorSecrets.put("omnipulse.ingest.sources." + vendor + ".secret", secret));
        stack = Stack.start(options, Duration.ofMinutes(4), System.out, Map.of("ingest-service", vendorSecrets));
        ingest = stack.service("ingest-service").baseUrl();
        profiles = stack.service("profile-service").baseUrl();
        scores = stack.service("scoring-service").baseUrl();
        alerts = stack.service("alerting-service").baseUrl();
    }

    /**
     * Every service must stop by itself on SIGTERM within 30 s (consumers and schedulers before the
     * datasource and producers), last reader first as the launcher does; one that needs SIGKILL fails
     * here instead of being killed quietly by {@link Stack#close()}.
     */
    @AfterAll
    static void stopPipeline() {
        if (stack == null) {
            return;
        }
        try {
            List<String> lastReaderFirst = new java.util.ArrayList<>(Stack.SERVICES);
            java.util.Collections.reverse(lastReaderFirst);
            for (String name : lastReaderFirst) {
                assertThat(stack.service(name).stop(Duration.ofSeconds(30)))
                        .as("%s stops by itself within 30 s of SIGTERM", name).isTrue();
            }
        } finally {
            stack.close();
        }
    }

    /**
     * Every operation in each service's OpenAPI document answers 401 with a problem document without a
     * credential, with a bearer token that is not one and with an unknown API key; only health is open.
     */
    @Test
    void everyOperationOfEveryServiceRefusesAMissingOrBadCredential() {
        String opsToken = stack.token("e2e-ops@omnipulse.local", List.of(Roles.OPS), List.of());
        List<String> accepted = new java.util.ArrayList<>();
        int checked = 0;
        for (String service : Stack.SERVICES) {
            String base = stack.service(service).baseUrl();
            List<OpenApiOperations.Operation> operations = OpenApiOperations.of(base, opsToken);
            assertThat(operations).as("operations of %s", service).hasSizeGreaterThanOrEqualTo(2);
            // The console is for people in a browser: it refuses with a sign-in page, not a problem document,
            // and in the local stack a request without any credential is the stack's admin (LocalStackSignIn).
            boolean console = service.equals("console-service");
            String refusal = console ? "text/html" : "application/problem+json";
            for (OpenApiOperations.Operation operation : operations) {
                List<RequestSpecification> callers = new java.util.ArrayList<>(List.of(given().auth().oauth2("not.a.token"),
                        given().header(DevApiKey.HEADER, "opk_nosuchk1_noSuchSecretOfTheRightLength0123456789ab")));
                if (!console) {
                    callers.add(given());
                }
                for (RequestSpecification caller : callers) {
                    var answer = caller.contentType(operation.mediaType())
                            .body(operation.mediaType().contains("json") ? "{}" : "")
                            .request(operation.method(), base + operation.path());
                    checked++;
                    if (answer.statusCode() != 401 || !answer.contentType().startsWith(refusal)) {
                        accepted.add(service + " " + operation + " answered " + answer.statusCode());
                    }
                }
            }
            for (String open : List.of("/q/health/live", "/q/health/ready")) {
                given().get(base + open).then().statusCode(200);
            }
            for (String forOps : List.of("/q/metrics", "/q/openapi")) {
                given().get(base + forOps).then().statusCode(401);
            }
        }
        assertThat(accepted).as("operations that did not refuse a missing or bad credential (of %d calls)", checked)
                .isEmpty();
    }

    @Test
    void detractorPostedToIngestBecomesOneAlertThatSurvivesAReplay() {
        String email = "dana.detractor@example.com";
        String customerId = CustomerKeys.customerId(new CustomerIds(null, email, null, null, null));
        String detractor = feedback("e2e-nps-1", email, 2, "Three calls and nobody could help me.");

        long posted = System.nanoTime();
        postEvents(detractor).statusCode(202);
        JsonPath alert = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> alertsOf(customerId), list -> list.getList("items").size() == 1);
        System.out.printf("e2e: detractor POST -> alert listed after %d ms%n", (System.nanoTime() - posted) / 1_000_000);

        assertThat(alert.getString("items[0].cause")).isEqualTo("DETRACTOR");
        assertThat(alert.getString("items[0].severity")).isEqualTo("CRITICAL");
        assertThat(alert.getString("items[0].comment")).isEqualTo("Three calls and nobody could help me.");

        // The alert then carries the customer's journey (profile-service) and scores (scoring-service).
        long alertId = alert.getLong("items[0].id");
        JsonPath detail = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> asAdmin().get(alerts + "/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath(),
                        a -> "FETCHED".equals(a.getString("context.status")));
        assertThat(detail.getList("journey.eventId")).contains("e2e-nps-1");
        // The snapshot is taken once; scoring may not have counted this very answer yet.
        assertThat(detail.getMap("scores.nps")).containsKeys("n", "score", "detractors");

        // The same response re-sent (a client retry) must not trigger again; a new detractor answer
        // from the same customer attaches to the open alert. Both share the customer's partition, so
        // once the second trigger shows, the replay has been processed too.
        postEvents(detractor).statusCode(202);
        postEvents(feedback("e2e-nps-2", email, 5, "Still waiting.")).statusCode(202);
        JsonPath after = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> alertsOf(customerId), list -> list.getInt("items[0].triggerCount") == 2);
        assertThat(after.getList("items")).hasSize(1);
        assertThat(after.getString("items[0].severity")).isEqualTo("CRITICAL");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin().get(scores + "/v1/scores?scope=channel&key=email")
                .then().statusCode(200).body("nps.n", equalTo(2)).body("nps.detractors", equalTo(2)));
    }

    @Test
    void contactsOnThreeChannelsShowInOneProfile() {
        String email = "carl.channels@example.com";
        postEvents("[" + String.join(",",
                interaction("e2e-int-1", "email", "{\"email\":\"" + email + "\"}"),
                interaction("e2e-int-2", "chat", "{\"email\":\"" + email + "\",\"chatVisitorId\":\"v-77\"}"),
                interaction("e2e-int-3", "call", "{\"email\":\"" + email + "\",\"phone\":\"+48 600 000 777\"}"))
                + "]").statusCode(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin().queryParam("email", email.toUpperCase())
                .get(profiles + "/v1/customers").then().statusCode(200)
                .body("channels.keySet()", hasItem("call"))
                .body("channels.size()", equalTo(3)));
    }

    /**
     * Two customers turn out to be one person: the merge reaches every service. The detractor answer
     * given from the phone, before anyone knew, ends up in the survivor's profile, customer scores and
     * alert, whichever id or identifier a support lead looks it up by.
     */
    @Test
    void twoCustomersFoundToBeOnePersonShareOneProfileScoresAndAlert() {
        String email = "mia.merge@example.com";
        String phone = "+44 20 7946 0555";
        String survivor = CustomerKeys.customerId(new CustomerIds(null, email, null, null, null));
        String merged = CustomerKeys.customerId(new CustomerIds(null, null, phone, null, null));
        Instant start = Instant.now().minusSeconds(3600);
        postEvents(interaction("e2e-merge-1", "email", "{\"email\":\"" + email + "\"}", start)).statusCode(202);
        postEvents(phoneDetractor("e2e-merge-2", phone, start.plusSeconds(600))).statusCode(202);
        // The answer is counted and alerted under the phone's customer before the link is known.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> alertsOf(merged), list -> list.getList("items").size() == 1);

        // One chat carries both identifiers: the phone's customer merges into the older e-mail one.
        postEvents(interaction("e2e-merge-3", "chat",
                "{\"email\":\"" + email + "\",\"phone\":\"" + phone + "\"}", start.plusSeconds(1200))).statusCode(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin()
                .get(profiles + "/v1/customers/" + merged).then().statusCode(200)
                .body("customerId", equalTo(survivor))
                .body("feedbackCount", equalTo(1))
                .body("latestNps.score", equalTo(1))
                .body("channels.keySet()", hasItem("chat")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin().get(scores + "/v1/customers/" + survivor + "/scores")
                .then().statusCode(200)
                .body("windows.all.nps.n", equalTo(1))
                .body("windows.all.nps.detractors", equalTo(1)));
        JsonPath moved = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> alertsOf(survivor), list -> list.getList("items").size() == 1);
        assertThat(moved.getString("items[0].cause")).isEqualTo("DETRACTOR");
        assertThat(moved.getInt("items[0].triggerCount")).isEqualTo(1);
        assertThat(alertsOf(merged).getList("items.status")).doesNotContain("OPEN");
    }

    @Test
    void malformedEventGetsAProblemNamingTheFieldAndPublishesNothing() throws Exception {
        long before = endOffsetSum();
        String bad = feedback("e2e-bad-1", "eve@example.com", 11, null).replace("\"channel\":\"email\"", "\"channel\":\"fax\"");

        given().header(DevApiKey.HEADER, stack.apiKey()).contentType(ContentType.JSON).body(bad).post(ingest + "/v1/events").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("channel"));

        assertThat(endOffsetSum()).isEqualTo(before);
    }

    private static io.restassured.response.ValidatableResponse postEvents(String json) {
        return given().header(DevApiKey.HEADER, stack.apiKey()).contentType(ContentType.JSON).body(json)
                .post(ingest + "/v1/events").then();
    }

    /** A request with an admin's bearer token of the stack (alerts are read with one). */
    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(stack.token("e2e-admin@omnipulse.local", List.of(Roles.ADMIN), List.of()));
    }

    private static JsonPath alertsOf(String customerId) {
        return asAdmin().queryParam("customerId", customerId).get(alerts + "/v1/alerts")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String phoneDetractor(String eventId, String phone, Instant occurredAt) {
        return """
                {"eventId":"%s","source":"e2e-survey","type":"feedback","channel":"call","occurredAt":"%s",
                 "customer":{"phone":"%s"},"team":"billing","feedback":{"metric":"nps","score":1,
                 "comment":"You lost my order."}}""".formatted(eventId, occurredAt, phone);
    }

    private static long endOffsetSum() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, stack.partitions())
                    .boxed().collect(java.util.stream.Collectors.toMap(
                            p -> new TopicPartition(Topics.CONTACT_EVENTS.name(), p), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }

    /**
     * The support leads' console in a real Chromium, against this stack: a detractor posted to ingest
     * appears in the open queue without a reload; its page shows who the customer is and their journey;
     * acknowledging and resolving it there changes the alert. Screenshots of each page are kept in
     * {@code target/screenshots}.
     */
    /**
     * Every vendor's fixtures (the webhooks as the vendors document them) through HTTP, signed as the vendor
     * signs, to the profile, the scores and, for a bad rating, an alert. Each is sent twice, as vendors
     * retry, and still counted once.
     */
    @Nested
    class VendorWebhooks {

        @Test
        void everyVendorsEventsReachAProfileScoresEffortAndForABadRatingAnAlertOnceEvenWhenRetried() {
            List<VendorFixtures.Fixture> fixtures = VendorFixtures.all(
                    VendorFixtures.directory(Path.of("..").toAbsolutePath().normalize()), Instant.now());
            assertThat(fixtures.stream().map(VendorFixtures.Fixture::vendor).distinct())
                    .as("vendors with fixtures").containsExactlyInAnyOrderElementsOf(VENDOR_SECRETS.keySet());
            for (VendorFixtures.Fixture fixture : fixtures) {
                int expected = fixture.expected().get("events").isEmpty() ? 200 : 202;
                for (int attempt = 1; attempt <= 2; attempt++) {
                    postSigned(fixture).statusCode(expected);
                }
            }

            Map<String, List<JsonNode>> feedbackBySurvivor = new java.util.HashMap<>();
            Map<String, List<JsonNode>> contactsBySurvivor = new java.util.HashMap<>();
            for (VendorFixtures.Fixture fixture : fixtures) {
                for (JsonNode event : fixture.expected().get("events")) {
                    String eventId = event.get("eventId").asText();
                    JsonPath profile = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                            .until(() -> profileOf(customerIdOf(event)),
                                    p -> p != null && p.getList("journey.eventId").contains(eventId));
                    assertThat(profile.getList("journey.eventId", String.class).stream().filter(eventId::equals))
                            .as("%s in the journey of %s, sent twice", eventId, fixture).hasSize(1);
                    if (event.has("feedback")) {
                        feedbackBySurvivor.computeIfAbsent(profile.getString("customerId"), id -> new java.util.ArrayList<>())
                                .add(event);
                    } else {
                        contactsBySurvivor.computeIfAbsent(profile.getString("customerId"), id -> new java.util.ArrayList<>())
                                .add(event);
                    }
                }
            }
            assertThat(feedbackBySurvivor).as("customers who answered a survey through a vendor").isNotEmpty();
            feedbackBySurvivor.forEach((customerId, answers) -> {
                for (String metric : List.of("nps", "ces", "csat")) {
                    long n = answers.stream().filter(a -> a.at("/feedback/metric").asText().equals(metric)).count();
                    if (n > 0) {
                        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin()
                                .get(scores + "/v1/customers/" + customerId + "/scores").then().statusCode(200)
                                .body("windows.all." + metric + ".n", equalTo((int) n)));
                    }
                }
                answers.stream().filter(PipelineEndToEndIT::isBadRating).forEach(bad -> {
                    String cause = bad.at("/feedback/metric").asText().equals("csat") ? "LOW_SATISFACTION" : "DETRACTOR";
                    JsonPath alert = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                            .until(() -> alertsOf(customerId), list -> list.getList("items.cause").contains(cause));
                    assertThat(alert.getList("items.cause").stream().filter(cause::equals))
                            .as("open %s alerts of %s", cause, customerId).hasSize(1);
                });
            });
            assertThat(feedbackBySurvivor.values().stream().flatMap(List::stream).filter(PipelineEndToEndIT::isBadRating))
                    .as("bad ratings among the fixtures").isNotEmpty();
            // Every customer who had a contact has a behavioural effort index; one who gave up waiting has it as a driver.
            contactsBySurvivor.forEach((customerId, contacts) -> {
                boolean gaveUp = contacts.stream().anyMatch(c -> c.at("/interaction/status").asText().equals("abandoned"));
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    JsonPath customer = asAdmin().get(scores + "/v1/customers/" + customerId + "/scores").then()
                            .statusCode(200).extract().jsonPath();
                    assertThat(customer.<Integer>get("effort.index")).as("effort index of %s", customerId).isNotNull();
                    if (gaveUp) {
                        assertThat(customer.getList("effort.drivers", String.class)).as("effort drivers of %s", customerId)
                                .anyMatch(d -> d.contains("abandoned"));
                    }
                });
            });
            assertThat(contactsBySurvivor.values().stream().flatMap(List::stream)
                    .filter(c -> c.at("/interaction/status").asText().equals("abandoned")))
                    .as("abandoned contacts among the fixtures").isNotEmpty();
        }

        private io.restassured.response.ValidatableResponse postSigned(VendorFixtures.Fixture fixture) {
            URI url = URI.create(ingest + "/v1/sources/" + fixture.vendor());
            if (fixture.vendor().equals("twilio")) {
                url = VendorSigner.twilioUrl(url, fixture.body());
            }
            Map<String, String> headers = new java.util.HashMap<>(VendorSigner.headers(fixture.vendor(),
                    VENDOR_SECRETS.get(fixture.vendor()), fixture.body(), url, Instant.now()));
            fixture.headers().fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            return given().urlEncodingEnabled(false).contentType(ContentType.JSON).headers(headers).body(fixture.body())
                    .post(url).then();
        }

        private String customerIdOf(JsonNode event) {
            JsonNode c = event.get("customer");
            return CustomerKeys.customerId(new CustomerIds(c.path("crmId").asText(null), c.path("email").asText(null),
                    c.path("phone").asText(null), c.path("handle").asText(null), c.path("chatVisitorId").asText(null)));
        }

        private JsonPath profileOf(String customerId) {
            var answer = asAdmin().get(profiles + "/v1/customers/" + customerId).then().extract();
            return answer.statusCode() == 200 ? answer.jsonPath() : null;
        }
    }

    /** A survey answer the alert rules act on: NPS 0..6 (detractor) or CSAT 1..2 (low satisfaction). */
    static boolean isBadRating(JsonNode event) {
        String metric = event.at("/feedback/metric").asText();
        int score = event.at("/feedback/score").asInt(-1);
        return metric.equals("nps") && score >= 0 && score <= 6 || metric.equals("csat") && score >= 1 && score <= 2;
    }

    @Nested
    class SupportLeadsConsole {

        @Test
        void aLeadSeesADetractorArriveLiveOpensItClosesTheLoopAndFindsTheNumbers() throws Exception {
            String console = stack.service("console-service").baseUrl();
            String email = "gale.console@example.com";
            String comment = "Console test: charged twice, nobody called back.";
            try (ConsoleBrowser browser = ConsoleBrowser.start()) {
                browser.open(console + "/numbers?team=billing");
                long contactedBefore = Long.parseLong(browser.await(By.id("kpi-contacted")).getAttribute("data-contacted"));

                browser.open(console + "/?team=billing");
                browser.awaitText(By.id("live-status"), "connected");
                // Set on this page only: still there when the row shows, so the page was not reloaded.
                browser.script("window.omnipulseNoReload = true");
                browser.screenshot("1-queue-before");

                postEvents(feedback("e2e-console-1", email, 1, comment)).statusCode(202);
                browser.awaitText(By.id("rows"), comment);
                assertThat(browser.script("return window.omnipulseNoReload === true")).isEqualTo(true);
                WebElement row = browser.find(By.xpath("//tbody[@id='rows']/tr[td[contains(., '" + comment + "')]]"));
                assertThat(row.getText()).contains(email).contains("detractor").contains("billing");
                browser.screenshot("2-queue-live-row");

                row.findElement(By.tagName("a")).click();
                browser.awaitText(By.id("reach-h"), "How to reach them");
                assertThat(browser.find(By.cssSelector("dl.reach")).getText()).contains(email);
                browser.awaitText(By.id("journey"), "NPS 1");
                assertThat(browser.find(By.id("comment")).getText()).isEqualTo(comment);
                browser.screenshot("3-alert-page");

                browser.find(By.id("acknowledge")).click();
                browser.awaitText(By.id("status"), "acknowledged");
                new Select(browser.find(By.id("outcome"))).selectByValue("contacted");
                browser.find(By.id("resolve")).click();
                browser.awaitText(By.id("status"), "resolved");
                assertThat(browser.find(By.id("audit")).getText()).contains("acknowledged").contains("resolved");
                browser.screenshot("4-alert-resolved");

                // The closed-loop KPI counts this detractor as reached within 48 hours.
                browser.open(console + "/numbers?team=billing");
                assertThat(Long.parseLong(browser.await(By.id("kpi-contacted")).getAttribute("data-contacted")))
                        .isEqualTo(contactedBefore + 1);
                assertThat(browser.find(By.id("kpi-period")).getText()).contains("raised in the last 30 days");
                assertThat(browser.find(By.id("scores")).getText()).contains("Team billing");
                assertThat(browser.script("return Chart.getChart('chart-nps') !== undefined")).isEqualTo(true);
                browser.screenshot("5-numbers");

                // Found by e-mail, the customer's page shows the answer they gave in their scores.
                browser.open(console + "/customers");
                browser.find(By.id("identifier")).sendKeys(email);
                browser.find(By.id("find")).click();
                browser.awaitText(By.id("reach"), email);
                assertThat(browser.find(By.id("customer-scores")).getText()).contains("7d -100 (n 1)");
                assertThat(browser.find(By.id("customer-alerts")).getText()).contains("detractor").contains("resolved");
                browser.screenshot("6-customer");
            }
            String customerId = CustomerKeys.customerId(new CustomerIds(null, email, null, null, null));
            JsonPath alert = alertsOf(customerId);
            assertThat(alert.getString("items[0].status")).isEqualTo("RESOLVED");
            assertThat(alert.getString("items[0].outcome")).isEqualTo("CONTACTED");
            assertThat(alert.getString("items[0].resolvedBy")).isEqualTo(Stack.CONSOLE_SUBJECT);
        }

        @Test
        void theQueueWorksFromTheKeyboardAndAtTabletWidth() throws Exception {
            String console = stack.service("console-service").baseUrl();
            try (ConsoleBrowser browser = ConsoleBrowser.start()) {
                browser.open(console + "/");
                browser.await(By.id("rows"));
                browser.pressTab();
                assertThat(browser.script("return document.activeElement.className")).isEqualTo("skip");
                browser.resize(768, 1024);
                assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("no horizontal scrolling at tablet width").isEqualTo(true);
                browser.screenshot("7-queue-tablet");
            }
        }
    }

    /**
     * CloudEvents at both ends: a detractor posted to ingest as a CloudEvent in binary mode comes out as
     * an alert event and a score update that another system reads with the CloudEvents SDK.
     */
    @Nested
    class CloudEventsInAndOut {

        @Test
        void aCloudEventPostedToIngestComesOutAsAlertAndScoreCloudEvents() {
            String email = "cleo.cloudevents@example.com";
            String customerId = CustomerKeys.customerId(new CustomerIds(null, email, null, null, null));
            String scoreKey = ScoreUpdated.recordKey("customer", customerId, "all");
            try (CloudEventsTopic alertEvents = new CloudEventsTopic(stack.bootstrapServers(), Topics.ALERT_EVENTS.name());
                    CloudEventsTopic scoreUpdates = new CloudEventsTopic(stack.bootstrapServers(), Topics.SCORE_UPDATES.name())) {
                given().header(DevApiKey.HEADER, stack.apiKey()).contentType(ContentType.JSON)
                        .header("ce-specversion", "1.0").header("ce-id", "e2e-ce-1").header("ce-source", "e2e-survey")
                        .header("ce-type", "io.omnipulse.contact-event.v1")
                        .header("ce-time", Instant.now().minusSeconds(60).toString())
                        .body("""
                                {"type":"feedback","channel":"email","customer":{"email":"%s"},"team":"billing",
                                 "feedback":{"metric":"nps","score":1,"comment":"Sent as a CloudEvent."}}""".formatted(email))
                        .post(ingest + "/v1/events").then().statusCode(202).body("eventIds", equalTo(List.of("e2e-ce-1")));
                long alertId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> alertsOf(customerId), list -> list.getList("items").size() == 1).getLong("items[0].id");

                CloudEvent raised = alertEvents.first(e -> Long.toString(alertId).equals(e.getSubject()));
                assertThat(raised.getType()).isEqualTo("io.omnipulse.alert.raised.v1");
                assertThat(raised.getSource()).isEqualTo(URI.create("/omnipulse/alerting-service"));
                AlertRaised alert = (AlertRaised) Topics.ALERT_EVENTS.valueSerde().deserializer()
                        .deserialize(Topics.ALERT_EVENTS.name(), raised.getData().toBytes());
                assertThat(alert.key()).isEqualTo(customerId);
                assertThat(alert.cause()).isEqualTo("DETRACTOR");
                assertThat(alert.triggerSource()).isEqualTo("e2e-survey");
                assertThat(alert.triggerEventId()).isEqualTo("e2e-ce-1");

                CloudEvent score = scoreUpdates.first(e -> scoreKey.equals(e.getSubject()));
                assertThat(score.getType()).isEqualTo("io.omnipulse.score.updated.v1");
                assertThat(score.getSource()).isEqualTo(URI.create("/omnipulse/scoring-service"));
                ScoreUpdated scores = Topics.SCORE_UPDATES.valueSerde().deserializer()
                        .deserialize(Topics.SCORE_UPDATES.name(), score.getData().toBytes());
                assertThat(scores.nps().n()).isEqualTo(1);
                assertThat(scores.nps().detractors()).isEqualTo(1);
                assertThat(score.getTime().toInstant()).isEqualTo(scores.updatedAt());
            }
        }
    }
}
