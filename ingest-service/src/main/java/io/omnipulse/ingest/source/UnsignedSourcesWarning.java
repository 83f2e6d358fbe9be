package io.omnipulse.ingest.source;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

/** Says at start-up which vendor webhooks accept unsigned requests, because no secret is configured for them. */
@ApplicationScoped
public class UnsignedSourcesWarning {

    private static final Logger LOG = Logger.getLogger(UnsignedSourcesWarning.class);

    void onStart(@Observes StartupEvent start, Instance<VendorSource> vendors, SourcesConfig config) {
        vendors.forEach(vendor -> {
            SourcesConfig.Vendor settings = config.of(vendor.name());
            if (!settings.enabled()) {
                LOG.infof("vendor webhook /v1/sources/%s is switched off", vendor.name());
            } else if (settings.secret().isEmpty()) {
                LOG.warnf("vendor webhook /v1/sources/%s has no secret: it accepts UNSIGNED requests from anyone. "
                        + "Fine for a local stack; in production set OMNIPULSE_INGEST_SOURCES_%s_SECRET", vendor.name(),
                        vendor.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } else {
                LOG.infof("vendor webhook /v1/sources/%s checks the %s header", vendor.name(), vendor.signatureHeader());
            }
        });
    }
}
