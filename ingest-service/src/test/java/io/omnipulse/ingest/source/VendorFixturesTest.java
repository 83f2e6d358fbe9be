package io.omnipulse.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnipulse.devstack.testkit.VendorFixtures;
import io.omnipulse.devstack.testkit.VendorFixtures.Fixture;
import io.omnipulse.events.serde.EventJson;
import io.omnipulse.ingest.domain.StrictJson;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture in {@code src/test/resources/sources}, written from the vendor's documentation, becomes
 * exactly the canonical events (and ignored vendor events) it lists.
 */
class VendorFixturesTest {

    static final Instant NOW = Instant.now();
    static final ObjectMapper WIRE = EventJson.mapper();

    static List<Fixture> fixtures() {
        return VendorFixtures.all(Vendors.FIXTURES, NOW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureBecomesTheCanonicalEventsItLists(Fixture fixture) {
        SourceMapping mapping = Vendors.named(fixture.vendor()).map(StrictJson.tree(fixture.bodyText()),
                new WebhookRequest(fixture.body(), Map.of(), Vendors.URL.resolve(fixture.vendor())));

        JsonNode events = WIRE.valueToTree(mapping.mapped().stream().map(SourceMapping.Mapped::event).toList());
        assertThat(events).as("canonical events of %s", fixture).isEqualTo(fixture.expected().get("events"));
        JsonNode ignored = WIRE.valueToTree(mapping.ignored());
        assertThat(ignored).as("ignored vendor events of %s", fixture).isEqualTo(fixture.expected().get("ignored"));
    }

    @Test
    void everyVendorHasFixturesAndEveryFixtureAVendor() {
        Map<String, Long> perVendor = fixtures().stream().collect(Collectors.groupingBy(Fixture::vendor, Collectors.counting()));
        Map<String, Long> expected = new HashMap<>();
        Vendors.ALL.forEach(v -> expected.put(v.name(), perVendor.getOrDefault(v.name(), 0L)));
        assertThat(perVendor.keySet()).as("fixture directories").containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(expected.values()).as("fixtures per vendor %s", expected).allMatch(n -> n >= 3);
    }
}
