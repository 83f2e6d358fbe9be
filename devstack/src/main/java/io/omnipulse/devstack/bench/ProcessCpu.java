package io.omnipulse.devstack.bench;

import io.omnipulse.devstack.Stack;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;

/**
 * The CPU time each process of the local stack has used (user and system, as the operating system
 * counts it), so that a phase can say where its CPU went: the launcher (which holds the broker), each
 * service instance (named with its port), and PostgreSQL's processes summed. Processes are told apart
 * by their command line. PostgreSQL's backends that ended during the phase take their CPU with them;
 * the services keep theirs open in a pool.
 */
final class ProcessCpu {

    static final String LAUNCHER = "launcher (broker)";
    static final String POSTGRES = "postgresql";
    private static final String PORT_OPTION = "-Dquarkus.http.port=";

    private ProcessCpu() {
    }

    /** CPU time so far per process name, for every stack process this user can see. */
    static Map<String, Duration> snapshot() {
        return perStackProcess((pid, info) -> info.totalCpuDuration(), Duration::plus);
    }

    /**
     * {@code measure} of every stack process this user can see, summed per process name (PostgreSQL's
     * processes into one); a process it has no value for is left out. Only the stack's processes are
     * measured, and each one's {@code /proc} entry is read once for its name and its value.
     */
    static <V> Map<String, V> perStackProcess(BiFunction<Long, ProcessHandle.Info, Optional<V>> measure,
            BinaryOperator<V> sum) {
        Map<String, V> values = new TreeMap<>();
        ProcessHandle.allProcesses().forEach(process -> {
            ProcessHandle.Info info = process.info();
            nameOf(info.command().orElse(""), info.commandLine().orElse(""))
                    .ifPresent(name -> measure.apply(process.pid(), info).ifPresent(value -> values.merge(name, value, sum)));
        });
        return values;
    }

    /** Which part of the stack a process is, from its executable and command line; empty for anything else. */
    static Optional<String> nameOf(String command, String commandLine) {
        if (command.endsWith("/postgres") || command.equals("postgres")) {
            return Optional.of(POSTGRES);
        }
        if (commandLine.contains("io.omnipulse.devstack.StackMain")) {
            return Optional.of(LAUNCHER);
        }
        for (String service : Stack.SERVICES) {
            if (commandLine.contains(service + "/target/quarkus-app/quarkus-run.jar")) {
                return Optional.of(instanceOf(service, commandLine));
            }
        }
        return Optional.empty();
    }

    /** A service instance is named with its port, so that two instances of one service are told apart. */
    private static String instanceOf(String service, String commandLine) {
        int at = commandLine.indexOf(PORT_OPTION);
        return at < 0 ? service : service + " :" + commandLine.substring(at + PORT_OPTION.length()).split("\\s", 2)[0];
    }

    /** Prints, per process (largest first), the CPU a phase of {@code events} events cost it per event, and the total. */
    static void print(Map<String, Duration> before, Map<String, Duration> after, int events, double seconds) {
        Map<String, Double> millis = new LinkedHashMap<>();
        after.forEach((name, used) -> {
            double spent = (used.toNanos() - before.getOrDefault(name, Duration.ZERO).toNanos()) / 1e6;
            if (spent > 0) {
                millis.put(name, spent);
            }
        });
        if (millis.isEmpty()) {
            // A stack of another user, in containers or on another machine: its processes are not ours to see.
            System.out.println("        CPU per event by process: no process of the stack seen on this machine");
            return;
        }
        double total = millis.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("        CPU per event by process, %.3f ms in all (%.1f of %d cores busy on average):%n",
                total / events, total / 1000 / seconds, Runtime.getRuntime().availableProcessors());
        millis.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(entry -> System.out.printf("          %.3f ms  %4.1f %%  %s%n", entry.getValue() / events,
                        100 * entry.getValue() / total, entry.getKey()));
    }
}
