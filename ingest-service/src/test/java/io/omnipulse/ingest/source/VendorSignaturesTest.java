package io.omnipulse.ingest.source;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.devstack.testkit.VendorSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each vendor's check accepts a request signed as the vendor documents it ({@link VendorSigner}, written
 * apart from the checks) and refuses one with another secret, another body, no signature, or (where the
 * vendor signs a time) a stale one.
 */
class VendorSignaturesTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final String SECRET = "whsec-test-0123456789";
    static final byte[] BODY = "{\"type\":\"x\",\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);

    static List<VendorSource> vendors() {
        return Vendors.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void aRequestSignedAsTheVendorDocumentsItPasses(VendorSource vendor) {
        assertThatCode(() -> vendor.verify(signed(vendor, SECRET, BODY, NOW), SECRET, CLOCK, TOLERANCE)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void anotherSecretIsRefused(VendorSource vendor) {
        assertRefused(vendor, signed(vendor, "another-secret", BODY, NOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void aChangedBodyIsRefused(VendorSource vendor) {
        WebhookRequest genuine = signed(vendor, SECRET, BODY, NOW);
        byte[] changed = "{\"type\":\"x\",\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8);
        if (vendor.name().equals("amazon-connect")) {
            return; // a bearer of the token may send any body: EventBridge signs nothing, TLS protects it
        }
        assertRefused(vendor, new WebhookRequest(changed, genuine.headers(), genuine.url()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void aRequestWithoutSignatureIsRefused(VendorSource vendor) {
        assertRefused(vendor, new WebhookRequest(BODY, Map.of(), url(vendor, BODY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendors")
    void aStaleSignatureIsRefusedWhereTheVendorSignsATime(VendorSource vendor) {
        if (List.of("zendesk", "chatwoot").contains(vendor.name())) {
            assertRefused(vendor, signed(vendor, SECRET, BODY, NOW.minus(TOLERANCE).minusSeconds(1)));
            assertThatCode(() -> vendor.verify(signed(vendor, SECRET, BODY, NOW.minus(TOLERANCE)), SECRET, CLOCK, TOLERANCE))
                    .doesNotThrowAnyException();
        }
    }

    static WebhookRequest signed(VendorSource vendor, String secret, byte[] body, Instant at) {
        URI url = url(vendor, body);
        Map<String, String> headers = new HashMap<>(VendorSigner.headers(vendor.name(), secret, body, url, at));
        headers.put("Content-Type", "application/json");
        return new WebhookRequest(body, headers, url);
    }

    static URI url(VendorSource vendor, byte[] body) {
        URI sink = Vendors.URL.resolve(vendor.name());
        return vendor.name().equals("twilio") ? VendorSigner.twilioUrl(sink, body) : sink;
    }

    static void assertRefused(VendorSource vendor, WebhookRequest request) {
        assertThatThrownBy(() -> vendor.verify(request, SECRET, CLOCK, TOLERANCE))
                .isInstanceOf(WebhookUnauthorizedException.class);
    }
}
