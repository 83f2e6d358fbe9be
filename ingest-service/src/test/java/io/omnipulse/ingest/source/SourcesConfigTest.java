package io.omnipulse.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every vendor's secret and switch come from an environment variable that names them, as deployments set them. */
class SourcesConfigTest {

    private static SourcesConfig fromEnvironment(Map<String, String> env) {
        return new SmallRyeConfigBuilder().withMapping(SourcesConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new EnvConfigSource(env, 300)).build().getConfigMapping(SourcesConfig.class);
    }

    @Test
    void eachVendorReadsItsOwnSecretAndSwitchFromTheEnvironment() {
        SourcesConfig config = fromEnvironment(Map.of(
                "OMNIPULSE_INGEST_SOURCES_AMAZON_CONNECT_SECRET", "connect-token",
                "OMNIPULSE_INGEST_SOURCES_ZENDESK_SECRET", "zendesk-secret",
                "OMNIPULSE_INGEST_SOURCES_INTERCOM_ENABLED", "false",
                "OMNIPULSE_INGEST_SOURCES_TWILIO_PUBLIC_URL", "https://cx.example.com/v1/sources/twilio"));
        assertThat(config.of("amazon-connect").secret()).contains("connect-token");
        assertThat(config.of("zendesk").secret()).contains("zendesk-secret");
        assertThat(config.of("chatwoot").secret()).isEmpty();
        assertThat(config.of("intercom").enabled()).isFalse();
        assertThat(config.of("twilio").enabled()).isTrue();
        assertThat(config.twilio().publicUrl()).contains("https://cx.example.com/v1/sources/twilio");
    }
}
