package io.omnipulse.scoring.domain;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.ScoreUpdated;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One scope and key, e.g. channel "email". Its {@link #format() stored form} {@code channel|email}
 * keys the tally stores and the repartition by scope key; the scope never contains the separator, so keys
 * (later: team names, agent ids) may contain anything.
 */
public record ScopeKey(Scope scope, String key) {

    public static final char SEPARATOR = '|';

    public ScopeKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
    }

    public static ScopeKey global() {
        return new ScopeKey(Scope.GLOBAL, Scope.ALL);
    }

    /** Every scope key that the event of this customer counts towards, in scope order. */
    public static List<ScopeKey> of(String customerId, ContactEvent event) {
        List<ScopeKey> keys = new ArrayList<>(Scope.values().length);
        for (Scope scope : Scope.values()) {
            String key = scope.keyOf(customerId, event);
            if (key != null) {
                keys.add(new ScopeKey(scope, key));
            }
        }
        return keys;
    }

    private static final String CUSTOMER_PREFIX = Scope.CUSTOMER.wire() + SEPARATOR;

    /** Whether {@code formatted} (a {@link #format()}) is a customer's own scope key. */
    public static boolean isCustomerScope(String formatted) {
        return formatted.startsWith(CUSTOMER_PREFIX);
    }

    public String format() {
        return scope.wire() + SEPARATOR + key;
    }

    /** Reads {@link #format()}; IllegalArgumentException when the text is not a scope key. */
    public static ScopeKey parse(String text) {
        int at = text == null ? -1 : text.indexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("not a scope key: " + text);
        }
        return new ScopeKey(Scope.fromWire(text.substring(0, at)), text.substring(at + 1));
    }

    /** The record key on {@code cx.score-updates.v1}: {@code scope:key:window} ({@link ScoreUpdated#recordKey}). */
    public String topicKey(String window) {
        return ScoreUpdated.recordKey(scope.wire(), key, window);
    }

    @Override
    public String toString() {
        return format();
    }
}
