package io.omnipulse.alerting.config;

import io.omnipulse.alerting.domain.DetractorRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the pure rules from configuration, so the rules themselves stay free of CDI. */
@ApplicationScoped
public class RuleProducer {

    @Produces
    @Singleton
    DetractorRule detractorRule(AlertingConfig config) {
        return new DetractorRule(config.nps().detractorMax(), config.nps().criticalMax());
    }
}
