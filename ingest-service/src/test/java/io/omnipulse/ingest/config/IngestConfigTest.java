package io.omnipulse.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default region as start-up loads it: same mapping, no Quarkus needed. */
class IngestConfigTest {

    private static IngestConfig load(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(IngestConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(IngestConfig.class);
    }

    @Test
    void phoneNumbersAreReadInGreatBritainUnlessConfigured() {
        assertThat(load(Map.of()).defaultRegion()).isEqualTo("GB");
        assertThat(load(Map.of("omnipulse.ingest.default-region", " pl ")).defaultRegion()).isEqualTo("PL");
    }

    @Test
    void anUnknownRegionStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> load(Map.of("omnipulse.ingest.default-region", "UK")))
                .hasMessageContaining("omnipulse.ingest.default-region")
                .hasMessageContaining("ISO 3166");
    }

    @Test
    void eventTimeWindowIsFourHundredDaysBackAndFiveMinutesAheadUnlessConfigured() {
        IngestConfig defaults = load(Map.of());
        assertThat(defaults.maxEventAge()).isEqualTo(Duration.ofDays(400));
        assertThat(defaults.maxFutureSkew()).isEqualTo(Duration.ofMinutes(5));
        IngestConfig custom = load(Map.of("omnipulse.ingest.max-event-age", "30D",
                "omnipulse.ingest.max-future-skew", "1M"));
        assertThat(custom.maxEventAge()).isEqualTo(Duration.ofDays(30));
        assertThat(custom.maxFutureSkew()).isEqualTo(Duration.ofMinutes(1));
    }
}
