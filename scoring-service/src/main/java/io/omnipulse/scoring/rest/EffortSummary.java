package io.omnipulse.scoring.rest;

import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.EffortSignal;
import io.omnipulse.scoring.domain.ScopeKey;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The behavioural effort index over the customers of a scope key: for a channel or team, the
 * customers whose latest interaction was on that channel or with that team; for global, everyone.
 *
 * @param customers customers with an index; {@code meanIndex} their mean (one decimal), null without any
 * @param drivers   what drives the index: per signal, the customers whose index it is part of
 */
public record EffortSummary(String scope, String key, long customers, Double meanIndex,
        @Schema(description = "What drives the effort of the scope: per signal, how many of its customers have it in "
                + "their index and what percent of the customers with an index that is. Most common first; "
                + "signals no customer has are left out (an empty list without customers).") List<Driver> drivers,
        Agreement agreement) {

    /**
     * One signal of the behavioural effort index in a scope.
     *
     * @param signal    repeat-contacts, channel-switches, transfers, long-waits, abandoned-contacts or
     *                  reopened-conversations
     * @param customers customers of the scope whose index has the signal
     * @param share     100 x customers / the scope's customers with an index, one decimal
     */
    @Schema(description = "A signal of the behavioural effort index and the customers of the scope whose index has it")
    public record Driver(
            @Schema(description = "The signal", enumeration = {"repeat-contacts", "channel-switches", "transfers",
                    "long-waits", "abandoned-contacts", "reopened-conversations"}) String signal,
            @Schema(description = "Customers of the scope whose index has this signal") long customers,
            @Schema(description = "Percent of the scope's customers with an index, one decimal", example = "62.5")
            double share) {
    }

    /**
     * How well the index agrees with what customers said in CES: Pearson's r between the index and
     * CES hardness (100 - the customer's mean ease) over the {@code n} customers with both; null
     * below two such customers or without spread. Near +1: high behavioural effort goes with hard
     * CES answers; near 0: unrelated.
     */
    public record Agreement(String scope, String key, long n, Double pearson) {
    }

    static EffortSummary of(ScopeKey scope, EffortAggregate sum) {
        return new EffortSummary(scope.scope().wire(), scope.key(), sum.customers(), sum.meanIndex(), drivers(sum),
                agreement(scope, sum));
    }

    static Agreement agreement(ScopeKey scope, EffortAggregate sum) {
        return new Agreement(scope.scope().wire(), scope.key(), sum.pairs(), sum.pearson());
    }

    private static List<Driver> drivers(EffortAggregate sum) {
        // Drivers only with customers: every share has a denominator.
        return sum.drivers().stream().map(signal -> driver(sum, signal)).toList();
    }

    private static Driver driver(EffortAggregate sum, EffortSignal signal) {
        return new Driver(signal.wire(), sum.signals().of(signal), sum.share(signal));
    }
}
