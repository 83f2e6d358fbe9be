package io.omnipulse.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnipulse.devstack.DevApiKey;
import io.omnipulse.devstack.Ports;
import io.omnipulse.devstack.Stack;
import io.omnipulse.devstack.StackOptions;
import io.omnipulse.devstack.testkit.TestInfrastructure;
import io.omnipulse.security.Roles;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;

/**
 * How fast the alert queue paints with 1,000 open alerts: a benchmark, not a test (it asserts only that
 * the page shows them). Run it alone, on an otherwise idle machine:
 * {@code ./mvnw -B verify -pl e2e-tests -Dit.test=ConsoleFirstPaintBenchmarkIT -Dbenchmark=true -Dtest=None
 * -Dsurefire.failIfNoSpecifiedTests=false}. It prints the first contentful paint and the server's time
 * of each of {@value #RUNS} loads after {@value #WARM_UP} warm-up loads, and their medians.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ConsoleFirstPaintBenchmarkIT {

    static final int ALERTS = 1000;
    static final int BATCH = 50;
    static final int WARM_UP = 10;
    static final int RUNS = 15;

    private static Stack stack;

    @BeforeAll
    static void startStackWithOpenAlerts() {
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        stack = Stack.start(new StackOptions(repoRoot, TestInfrastructure.tempDir("omnipulse-first-paint"), Ports.free(),
                Ports.free(), Ports.freeBlock(Stack.SERVICES.size()), false, 0), Duration.ofMinutes(4));
        String ingest = stack.service("ingest-service").baseUrl();
        for (int first = 0; first < ALERTS; first += BATCH) {
            String batch = IntStream.range(first, first + BATCH)
                    .mapToObj(i -> Payloads.feedback("paint-" + i, "paint-" + i + "@example.com", i % 7,
                            "Benchmark answer " + i))
                    .collect(Collectors.joining(",", "[", "]"));
            given().header(DevApiKey.HEADER, stack.apiKey()).contentType(ContentType.JSON).body(batch)
                    .post(ingest + "/v1/events").then().statusCode(202);
        }
        String admin = stack.token("bench@omnipulse.local", List.of(Roles.ADMIN), List.of());
        String alerting = stack.service("alerting-service").baseUrl();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().auth().oauth2(admin).queryParam("status", "open").queryParam("size", 1)
                        .get(alerting + "/v1/alerts").then().extract().jsonPath().getLong("total") >= ALERTS);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theQueueOfAThousandOpenAlertsPaints() throws Exception {
        String queue = stack.service("console-service").baseUrl() + "/";
        List<Double> paints = new ArrayList<>();
        List<Double> servers = new ArrayList<>();
        try (ConsoleBrowser browser = ConsoleBrowser.start()) {
            for (int load = 0; load < WARM_UP + RUNS; load++) {
                browser.open(queue);
                assertThat(browser.await(By.id("total")).getText()).isEqualTo(Integer.toString(ALERTS));
                double paint = ((Number) browser.script("return performance.getEntriesByName("
                        + "'first-contentful-paint')[0].startTime")).doubleValue();
                double server = ((Number) browser.script("const t = performance.getEntriesByType('navigation')[0];"
                        + " return t.responseEnd - t.requestStart")).doubleValue();
                if (load >= WARM_UP) {
                    paints.add(paint);
                    servers.add(server);
                }
                System.out.printf("first-paint: load %d first contentful paint %.0f ms, request to last byte %.0f ms%s%n",
                        load + 1, paint, server, load < WARM_UP ? " (warm-up)" : "");
            }
        }
        System.out.printf("first-paint: %d open alerts, median of %d loads: first contentful paint %.0f ms, "
                + "request to last byte %.0f ms%n", ALERTS, RUNS, median(paints), median(servers));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
