package io.omnipulse.scoring.rest;

import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.ScopeKey;

/**
 * The behavioural effort index over the customers of a scope key: for a channel or team, the
 * customers whose latest interaction was on that channel or with that team; for global, everyone.
 *
 * @param customers customers with an index; {@code meanIndex} their mean (one decimal), null without any
 */
public record EffortSummary(String scope, String key, long customers, Double meanIndex, Agreement agreement) {

    /**
     * How well the index agrees with what customers said in CES: Pearson's r between the index and
     * CES hardness (100 - the customer's mean ease) over the {@code n} customers with both; null
     * below two such customers or without spread. Near +1: high behavioural effort goes with hard
     * CES answers; near 0: unrelated.
     */
    public record Agreement(String scope, String key, long n, Double pearson) {
    }

    static EffortSummary of(ScopeKey scope, EffortAggregate sum) {
        return new EffortSummary(scope.scope().wire(), scope.key(), sum.customers(), sum.meanIndex(),
                agreement(scope, sum));
    }

    static Agreement agreement(ScopeKey scope, EffortAggregate sum) {
        return new Agreement(scope.scope().wire(), scope.key(), sum.pairs(), sum.pearson());
    }
}
