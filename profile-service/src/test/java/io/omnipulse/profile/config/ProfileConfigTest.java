package io.omnipulse.profile.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The identity settings as start-up loads them: same mapping, no Quarkus needed. */
class ProfileConfigTest {

    private static ProfileConfig load(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ProfileConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(ProfileConfig.class);
    }

    @Test
    void theDefaultRegionIsGreatBritain() {
        assertThat(load(Map.of()).identityRules().defaultRegion()).isEqualTo("GB");
    }

    @Test
    void theRegionIsReadInAnyCase() {
        assertThat(load(Map.of("omnipulse.profile.identity.default-region", "pl")).identityRules().defaultRegion())
                .isEqualTo("PL");
    }

    @Test
    void anUnknownRegionStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> load(Map.of("omnipulse.profile.identity.default-region", "UK")))
                .hasMessageContaining("omnipulse.profile.identity.default-region")
                .hasMessageContaining("ISO 3166");
    }
}
