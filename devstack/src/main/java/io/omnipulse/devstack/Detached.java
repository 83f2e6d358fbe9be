package io.omnipulse.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts child processes in a session of their own ({@code setsid}, util-linux), so that Ctrl-C in
 * the terminal reaches only the launcher, which then stops them in order (consumers before their
 * producers); without it every process of the terminal's group gets SIGINT at the same moment.
 * A child of the JVM is never a process-group leader, so setsid execs in place and the pid the JVM
 * sees is the service's own. Without setsid the command runs as it is (Ctrl-C then stops all at once).
 */
final class Detached {

    private static final String SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid")).stream()
            .filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);

    private Detached() {
    }

    static List<String> command(List<String> command) {
        if (SETSID == null) {
            return command;
        }
        List<String> detached = new ArrayList<>(command.size() + 1);
        detached.add(SETSID);
        detached.addAll(command);
        return detached;
    }
}
