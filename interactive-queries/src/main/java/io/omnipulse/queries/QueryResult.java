package io.omnipulse.queries;

/** Where the value of one key lives, as an interactive query answers: here, on another instance, or nowhere. */
public sealed interface QueryResult<T> {

    /** This instance owns the key and holds this value. */
    record Found<T>(T value) implements QueryResult<T> {
    }

    /** Another instance of the application owns the key; ask it at {@code host:port}. */
    record FoundElsewhere<T>(String host, int port) implements QueryResult<T> {
    }

    /** This instance owns the key and holds nothing for it. */
    record NotFound<T>() implements QueryResult<T> {
    }
}
