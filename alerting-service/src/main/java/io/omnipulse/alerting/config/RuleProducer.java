package io.omnipulse.alerting.config;

import io.omnipulse.alerting.domain.BehaviouralEffortRule;
import io.omnipulse.alerting.domain.DetractorRule;
import io.omnipulse.alerting.domain.HighEffortRule;
import io.omnipulse.alerting.domain.LowSatisfactionRule;
import io.omnipulse.alerting.domain.NpsDropRule;
import io.omnipulse.alerting.domain.OngoingDrop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the pure rules (and the clock) from configuration, so the rules themselves stay free of CDI. */
@ApplicationScoped
public class RuleProducer {

    @Produces
    @Singleton
    DetractorRule detractorRule(AlertingConfig config) {
        return new DetractorRule(config.nps().detractorMax(), config.nps().criticalMax());
    }

    @Produces
    @Singleton
    HighEffortRule highEffortRule(AlertingConfig config) {
        return new HighEffortRule(config.ces().easeBelow(), config.ces().criticalEaseBelow());
    }

    @Produces
    @Singleton
    LowSatisfactionRule lowSatisfactionRule(AlertingConfig config) {
        return new LowSatisfactionRule(config.csat().lowMax(), config.csat().criticalMax());
    }

    @Produces
    @Singleton
    BehaviouralEffortRule behaviouralEffortRule(AlertingConfig config) {
        return new BehaviouralEffortRule(config.effort().above(), config.effort().highAbove());
    }

    @Produces
    @Singleton
    NpsDropRule npsDropRule(AlertingConfig config) {
        return new NpsDropRule(config.npsDrop().points(), config.npsDrop().criticalPoints(), config.npsDrop().minN());
    }

    @Produces
    @Singleton
    OngoingDrop ongoingDrop(AlertingConfig config) {
        return new OngoingDrop(config.npsDrop().repeatAfter());
    }

    /** Every "now" of the service comes from here, so that a test can move time instead of waiting. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
