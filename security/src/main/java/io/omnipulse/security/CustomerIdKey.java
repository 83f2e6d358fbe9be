package io.omnipulse.security;

import io.omnipulse.events.CustomerKeys;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigMapping;
import jakarta.inject.Singleton;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The deployment's secret key of customer ids ({@link CustomerKeys}), set from
 * {@code omnipulse.customer-ids.hmac-key} (env {@code OMNIPULSE_CUSTOMER_IDS_HMAC_KEY}: base64 of at
 * least 32 random bytes, the same in ingest, profile and alerting). Inject this bean where customer ids
 * are computed: it is made, and the key set, before the first one is. In production without a key
 * the service does not start, since its ids would be the published development ones, reversible by
 * hashing a list of addresses.
 */
@Singleton
public class CustomerIdKey {

    private static final Logger LOG = Logger.getLogger(CustomerIdKey.class);

    /** Where the key comes from. */
    @ConfigMapping(prefix = "omnipulse.customer-ids")
    public interface Config {
        Optional<String> hmacKey();
    }

    public CustomerIdKey(Config config) {
        Optional<String> key = config.hmacKey().filter(value -> !value.isBlank());
        if (key.isPresent()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(key.get().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("omnipulse.customer-ids.hmac-key is not base64", e);
            }
            CustomerKeys.useHmacKey(bytes);
            if (key.get().strip().equals(CustomerKeys.DEVELOPMENT_HMAC_KEY) && LaunchMode.current() == LaunchMode.NORMAL) {
                LOG.warn("customer ids are keyed with the published development key: fine for a local stack, "
                        + "never for customers' data (set OMNIPULSE_CUSTOMER_IDS_HMAC_KEY to a secret of your own)");
            }
        } else if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("omnipulse.customer-ids.hmac-key (OMNIPULSE_CUSTOMER_IDS_HMAC_KEY) is not set: "
                    + "give every service the same secret, base64 of at least 32 random bytes (openssl rand -base64 32)");
        }
    }
}
