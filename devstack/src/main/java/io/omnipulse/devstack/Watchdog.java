package io.omnipulse.devstack;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure nothing the launcher started outlives it, even when it is killed with SIGKILL and no
 * shutdown hook runs. A tiny shell process reads, on a pipe from the launcher, the pids to guard;
 * when the pipe reaches end of file without an {@code exit} line, the launcher is gone (the kernel
 * closes the pipe whatever killed it, so there is nothing to poll and no pid of the launcher to
 * reuse), and it signals every pid still listed, then SIGKILLs whatever is left after 10 s.
 *
 * <p>Chosen over {@code setpriv --pdeathsig KILL} on each child: PostgreSQL is started by
 * {@code pg_ctl}, which daemonises the postmaster (a parent-death signal does not survive its fork);
 * and Linux sends the parent-death signal when the <em>thread</em> that forked the child ends, not
 * the process, so a child started from a short-lived thread (a restart from a test, a pool thread)
 * would be killed at random. The watchdog covers both and costs one shell.
 */
final class Watchdog implements AutoCloseable {

    /** POSIX sh; each watched entry is {@code pid:SIGNAL}. Ctrl-C in the terminal must not stop the guard. */
    private static final String SCRIPT = """
            trap '' INT HUP
            pids=""
            while read -r op pid sig; do
              case "$op" in
                watch) pids="$pids $pid:$sig" ;;
                forget) keep=""; for e in $pids; do [ "${e%%:*}" = "$pid" ] || keep="$keep $e"; done; pids="$keep" ;;
                exit) exit 0 ;;
              esac
            done
            for e in $pids; do kill -s "${e#*:}" "${e%%:*}" 2>/dev/null; done
            i=0
            while [ $i -lt 100 ]; do
              alive=""
              for e in $pids; do kill -0 "${e%%:*}" 2>/dev/null && alive="$alive $e"; done
              [ -z "$alive" ] && exit 0
              pids="$alive"; i=$((i + 1)); sleep 0.1
            done
            for e in $pids; do kill -s KILL "${e%%:*}" 2>/dev/null; done
            """;

    private final Process process;
    private final Writer commands;

    private Watchdog(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
    }

    static Watchdog start() {
        try {
            return new Watchdog(new ProcessBuilder("sh", "-c", SCRIPT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the watchdog (sh)", e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Guards {@code pid}: if the launcher dies, it gets {@code signal} (KILL, QUIT, ...), then KILL. */
    synchronized void watch(long pid, String signal) {
        send("watch " + pid + " " + signal);
    }

    /** {@code pid} was stopped by the launcher: never signal it, its number may be reused. */
    synchronized void forget(long pid) {
        send("forget " + pid);
    }

    /** Everything was stopped in order: the watchdog leaves without signalling anything. */
    @Override
    public synchronized void close() {
        send("exit");
        try {
            commands.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void send(String line) {
        try {
            commands.write(line + "\n");
            commands.flush();
        } catch (IOException e) {
            System.err.println("watchdog is gone (" + e.getMessage() + "); stop the stack with Ctrl-C, not kill -9");
        }
    }
}
