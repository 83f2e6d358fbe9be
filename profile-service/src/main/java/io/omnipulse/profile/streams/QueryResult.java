package io.omnipulse.profile.streams;

/** Where the value of one key lives: here, on another instance, or nowhere. */
public sealed interface QueryResult<T> {

    record Found<T>(T value) implements QueryResult<T> {
    }

    /** Another instance of this application owns the key; ask it at {@code host:port}. */
    record FoundElsewhere<T>(String host, int port) implements QueryResult<T> {
    }

    record NotFound<T>() implements QueryResult<T> {
    }
}
