package io.omnipulse.scoring.streams;

/** Where one key's state lives, as answered by an interactive query: here, on another instance, or nowhere yet. */
public sealed interface StateLookup<T> {

    /** This instance owns the key and holds this state. */
    record Found<T>(T value) implements StateLookup<T> {
    }

    /** Another instance owns the key; ask it at host:port. */
    record FoundElsewhere<T>(String host, int port) implements StateLookup<T> {
    }

    /** This instance owns the key and has no state for it. */
    record NotFound<T>() implements StateLookup<T> {
    }
}
