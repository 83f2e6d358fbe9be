package io.omnipulse.devstack;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
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
     * under the bench's load they cost each service a full collection every few seconds. A fixed young
     * generation of 96 MB (twice what the busy services grow to) was tried too: it added about 190 MB
     * to the stack after a full bench and left scoring's share of CPU in collections where it was.
     * Metaspace may reach 128 MB before it calls for a collection: at the default (about 21 MB),
     * loading a service's classes cost every JVM two or three full collections at start and one
     * more when the first load arrived.
     */
    private static final List<String> SMALL_HEAP = List.of("-XX:+UseSerialGC", "-Xms64m", "-XX:MetaspaceSize=128m");

    /**
     * Every few seconds the JVM hands the C heap's free pages back to the system (malloc_trim): glibc
     * keeps what RocksDB, Kafka's clients and the JIT freed, and a jcmd System.trim_native_heap after a
     * full bench released 30 to 54 MB from each JVM of the stack. Experimental in JDK 17 updates,
     * a product option from JDK 21; left out on a JDK without it, which would refuse to start.
     */
    static final List<String> NATIVE_HEAP_TRIM = List.of("-XX:+UnlockExperimentalVMOptions",
            "-XX:TrimNativeHeapInterval=5000");

    /** The options every JVM the launcher starts gets first. */
    static List<String> smallFootprint() {
        List<String> options = new ArrayList<>(SMALL_HEAP);
        if (nativeHeapTrimSupported()) {
            options.addAll(NATIVE_HEAP_TRIM);
        }
        return options;
    }

    /**
     * Whether this JDK has the option of {@link #NATIVE_HEAP_TRIM}. Every JVM of the stack is this one's
     * {@link #java()}, so this JVM's own options answer, without starting another.
     */
    static boolean nativeHeapTrimSupported() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            return false;
        }
        try {
            hotSpot.getVMOption("TrimNativeHeapInterval");
            return true;
        } catch (IllegalArgumentException noSuchOption) {
            return false;
        }
    }

    /** The java of this JDK, which starts every JVM of the stack. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

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
