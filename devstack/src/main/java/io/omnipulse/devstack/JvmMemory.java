package io.omnipulse.devstack;

import java.util.List;
import java.util.Map;

/**
 * How the local stack keeps five JVMs, a broker and PostgreSQL within a small machine's memory. Left
 * to its defaults a JVM on this machine commits its whole maximum heap at start (the initial heap is
 * 1/64 of the RAM, capped at -Xmx) and never gives it back; and RocksDB's native allocations spread
 * over one glibc arena per thread, each holding on to freed memory.
 */
final class JvmMemory {

    /**
     * Serial GC (two cores: no parallel collector threads to pay for) and a heap that starts small and
     * grows with what is live (the default free ratios, 40-70 %). Tighter ratios (10-30 %) were tried:
     * under the bench's load they cost each service a full collection every few seconds.
     */
    static final List<String> SMALL_FOOTPRINT = List.of("-XX:+UseSerialGC", "-Xms64m");

    /** Two malloc arenas per process: the setting RocksDB's and Kafka Streams' guides give against fragmentation. */
    static final Map<String, String> NATIVE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /** Extra options for every service JVM from OMNIPULSE_SERVICE_JVM_OPTS (space-separated), after the defaults so that they win. */
    static List<String> overrides() {
        String value = System.getenv().getOrDefault("OMNIPULSE_SERVICE_JVM_OPTS", "").strip();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    private JvmMemory() {
    }
}
