package io.omnipulse.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The devstack broker in a JVM of its own ({@link BrokerProcess}), so that a fault test can kill it
 * with SIGKILL and start it again on the same log directory and ports.
 * Arguments: data directory, broker port, controller port.
 */
public final class BrokerMain {

    /** Printed once the broker serves clients; {@link BrokerProcess} waits for it. */
    static final String READY = "omnipulse-broker-ready";

    /** Strong references: JUL forgets the level of a logger nobody holds. */
    private static final Logger[] QUIET = {Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("state.change.logger")};

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: BrokerMain DATA_DIR BROKER_PORT CONTROLLER_PORT");
            System.exit(2);
        }
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
        KafkaBroker broker = KafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-stop"));
        System.out.println(READY + " " + broker.bootstrapServers());
        stopped.await();
    }
}
