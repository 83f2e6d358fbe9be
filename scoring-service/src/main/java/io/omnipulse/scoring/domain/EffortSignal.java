package io.omnipulse.scoring.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A kind of behavioural effort that {@link EffortFormula} gives points for, in the order of its table.
 * A customer's index names the signals it has; {@link EffortAggregate} counts, per scope key, the
 * customers whose index has each one, which is what drives a team's or a channel's effort.
 */
public enum EffortSignal {

    /** Several contacts within the repeat window, or on one conversation. */
    REPEAT_CONTACTS,
    /** A contact on another channel before the previous one was resolved. */
    CHANNEL_SWITCHES,
    /** Transfers between agents or queues. */
    TRANSFERS,
    /** A wait of at least the long-wait threshold. */
    LONG_WAITS,
    /** A contact the customer abandoned. */
    ABANDONED_CONTACTS,
    /** A contact on a conversation after it was resolved. */
    REOPENED_CONVERSATIONS;

    /** An unmodifiable copy of {@code signals} (none when null), iterated in signal order. */
    public static Set<EffortSignal> copyOf(Collection<EffortSignal> signals) {
        Set<EffortSignal> copy = EnumSet.noneOf(EffortSignal.class);
        if (signals != null) {
            copy.addAll(signals);
        }
        return Collections.unmodifiableSet(copy);
    }

    /** The name in the API: lower case with dashes, e.g. {@code repeat-contacts}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
