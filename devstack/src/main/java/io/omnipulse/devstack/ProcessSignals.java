package io.omnipulse.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Signals that {@link Process} has no method for (SIGSTOP, SIGCONT), sent with {@code kill}: the fault
 * suite freezes a service or the broker as a hung host or a long GC pause would.
 */
final class ProcessSignals {

    private ProcessSignals() {
    }

    /** Sends {@code signal} (a name without SIG, such as {@code STOP}) to {@code pid}; fails if kill does. */
    static void send(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
