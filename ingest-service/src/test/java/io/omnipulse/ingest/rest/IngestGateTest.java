package io.omnipulse.ingest.rest;

import static io.omnipulse.ingest.rest.TestSource.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnipulse.devstack.testkit.KafkaTestResource;
import io.omnipulse.events.Topics;
import io.omnipulse.ingest.gate.GateFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The gate as a client meets it: every hostile input of gate-fixtures.json, through the canonical
 * API and the four channel adapters, single and in batches, is answered with a 4xx problem naming
 * the field (and not quoting the value), and cx.contact-events.v1 does not grow by a single record.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class IngestGateTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> hostileInputIsRefusedNamingTheFieldAndNothingIsPublished() {
        List<GateFixtures.Case> cases = GateFixtures.bad(Instant.now());
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases).filteredOn(GateFixtures.Case::batch).isNotEmpty();
        assertThat(cases).filteredOn(c -> !c.canonical()).extracting(GateFixtures.Case::base)
                .contains("email", "chat", "social", "call");
        Map<TopicPartition, Long> before = new HashMap<>();
        return Stream.of(
                Stream.of(dynamicTest("end offsets before", () -> before.putAll(endOffsets()))),
                cases.stream().map(c -> dynamicTest(c.name(), () -> refused(c))),
                Stream.of(dynamicTest("end offsets unchanged after " + cases.size() + " refusals",
                        () -> assertThat(endOffsets()).isEqualTo(before).isNotEmpty())))
                .flatMap(s -> s);
    }

    @TestFactory
    Stream<DynamicTest> inputAtTheLimitsIsAccepted() {
        int count = GateFixtures.good(Instant.now()).size();
        // Built when each runs: the oldest-allowed and ahead-of-now cases are relative to the request.
        return IntStream.range(0, count).mapToObj(i -> {
            GateFixtures.Case c = GateFixtures.good(Instant.now()).get(i);
            return dynamicTest(c.name(), () -> {
                GateFixtures.Case fresh = GateFixtures.good(Instant.now()).get(i);
                given().contentType(ContentType.JSON).body(fresh.body())
                        .when().post(fresh.path())
                        .then().statusCode(202);
            });
        });
    }

    private static void refused(GateFixtures.Case c) throws Exception {
        String answer = given().contentType(ContentType.JSON).body(c.body())
                .when().post(c.path())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("instance", is(c.path()))
                .body("errors.field", hasItem(c.field()))
                .extract().asString();
        for (String value : c.echoes()) {
            String escaped = JSON.writeValueAsString(value);
            assertThat(answer).as("the answer must not quote the refused value")
                    .doesNotContain(value).doesNotContain(escaped.substring(1, escaped.length() - 1));
        }
    }

    static Map<TopicPartition, Long> endOffsets() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, Topics.CONTACT_EVENTS.partitions()).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.CONTACT_EVENTS.name(), p),
                            p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }
}
