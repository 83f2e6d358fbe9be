package io.omnipulse.devstack.testkit;

import io.omnipulse.devstack.KafkaBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.utils.Exit;

/**
 * Keeps a broker inside a test JVM from ending that JVM. On a fatal fault the broker calls
 * {@link Exit#halt}, which would take the whole test fork with it: surefire then reports only "the
 * forked VM terminated without properly saying goodbye", with no test named and the broker's last
 * words lost. Installed here, as in Kafka's own test harness, the call prints who asked and why,
 * and throws in the broker thread that asked instead; the tests that need that broker then fail on
 * what they check, with this report above them.
 */
public final class BrokerExitGuard {

    private static final List<String> REFUSALS = new CopyOnWriteArrayList<>();
    private static boolean installed;

    private BrokerExitGuard() {
    }

    /** A broker started with the guard in place. */
    public static KafkaBroker start(Path dataDir) {
        install();
        return KafkaBroker.start(dataDir, 0);
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
        Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
        installed = true;
    }

    /**
     * What the brokers of this JVM asked for and were refused, oldest first. A broker that asked is
     * left half stopped (its group coordinator, for one, answers "not available" from then on), so a
     * test waiting on it can fail at once with this instead of timing out with no reason given.
     */
    public static List<String> refusals() {
        return List.copyOf(REFUSALS);
    }

    private static void refuse(String call, int status, String message) {
        IllegalStateException refused = new IllegalStateException("the test JVM's Kafka broker asked to " + call
                + " the JVM with status " + status + (message == null ? "" : ": " + message));
        REFUSALS.add(refused.getMessage());
        System.err.println("[BrokerExitGuard] " + refused.getMessage()
                + " (refused; the broker's thread gets this exception)");
        refused.printStackTrace(System.err);
        throw refused;
    }
}
