package io.omnipulse.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The memory each process of the local stack holds, as its proportional set size (PSS, from Linux's
 * {@code /proc/<pid>/smaps_rollup}), named as {@link ProcessCpu} names them. PSS, not RSS: the pages
 * PostgreSQL's processes share (its buffers) count once in the sum instead of once per backend, so
 * the total is what the stack takes from the machine.
 */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** PSS in bytes per process name (PostgreSQL's processes summed); empty where /proc cannot be read. */
    static Map<String, Long> snapshot() {
        return ProcessCpu.perStackProcess((pid, info) -> pssOf(pid), Long::sum);
    }

    private static Optional<Long> pssOf(long pid) {
        try {
            OptionalLong bytes = pssIn(Files.readString(Path.of("/proc", Long.toString(pid), "smaps_rollup")));
            return bytes.isPresent() ? Optional.of(bytes.getAsLong()) : Optional.empty();
        } catch (IOException | SecurityException e) {
            // gone since it was listed, another user's, or not Linux
            return Optional.empty();
        }
    }

    /** The {@code Pss:} line of an smaps_rollup text, in bytes. */
    static OptionalLong pssIn(String smapsRollup) {
        for (String line : smapsRollup.split("\n")) {
            if (line.startsWith("Pss:")) {
                String[] fields = line.trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(fields[1]) * 1024);
            }
        }
        return OptionalLong.empty();
    }

    static long total(Map<String, Long> pss) {
        return pss.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Samples the stack's memory on a thread of its own until closed, and keeps the sample with the
     * largest total: a phase's peak, to within the sampling interval.
     */
    static final class Peak implements AutoCloseable {

        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stack-memory-sampler");
            thread.setDaemon(true);
            return thread;
        });
        private Map<String, Long> peak = Map.of();

        Peak(Duration every) {
            sampler.scheduleAtFixedRate(this::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void sample() {
            Map<String, Long> now = snapshot();
            synchronized (this) {
                if (total(now) > total(peak)) {
                    peak = Map.copyOf(now);
                }
            }
        }

        /** The sample with the largest total so far: PSS in bytes per process name. */
        synchronized Map<String, Long> peak() {
            return peak;
        }

        /** Prints the peak's total and each process's part of it, largest first. */
        void print(String phase) {
            Map<String, Long> at = peak();
            if (at.isEmpty()) {
                System.out.println("        memory (PSS): no process of the stack seen on this machine");
                return;
            }
            System.out.printf("        memory (PSS) of the stack at its peak %s: %,d MB%n", phase, total(at) >> 20);
            at.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .forEach(entry -> System.out.printf("          %,6d MB  %s%n", entry.getValue() >> 20, entry.getKey()));
        }

        @Override
        public void close() throws InterruptedException {
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
