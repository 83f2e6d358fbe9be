package io.omnipulse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.CustomerKeys;
import io.quarkus.runtime.LaunchMode;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outside Quarkus' dev and test modes (a plain JVM is {@link LaunchMode#NORMAL}, as in production). */
class CustomerIdKeyTest {

    @AfterEach
    void backToTheDevelopmentKey() {
        CustomerKeys.useHmacKey(Base64.getDecoder().decode(CustomerKeys.DEVELOPMENT_HMAC_KEY));
    }

    @Test
    void inProductionAServiceWithoutAKeyDoesNotStart() {
        assertThat(LaunchMode.current()).isEqualTo(LaunchMode.NORMAL);
        assertThatThrownBy(() -> new CustomerIdKey(Optional::empty))
                .hasMessageContaining("OMNIPULSE_CUSTOMER_IDS_HMAC_KEY");
        assertThatThrownBy(() -> new CustomerIdKey(() -> Optional.of("not base64 at all!")))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> new CustomerIdKey(() -> Optional.of(Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void theConfiguredKeyDecidesTheIds() {
        String developmentId = CustomerKeys.customerIdOf("email:ann@example.com");
        new CustomerIdKey(() -> Optional.of(Base64.getEncoder().encodeToString("a deployment's own key of 32+ bytes".getBytes())));
        assertThat(CustomerKeys.customerIdOf("email:ann@example.com")).isNotEqualTo(developmentId);
    }
}
