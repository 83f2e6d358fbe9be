package io.omnipulse.problem;

/** The chain of causes of a failure, as logs and answers need it. */
public final class Causes {

    private Causes() {
    }

    /** The innermost cause of {@code e}: what actually failed (e itself when it has no cause). */
    public static Throwable root(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
