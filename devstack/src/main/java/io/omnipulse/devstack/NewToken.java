package io.omnipulse.devstack;

import io.omnipulse.security.Roles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ./omnipulse token --role lead --team billing [--team care] [--subject ann@corp.example] [--hours 12]}:
 * a bearer token for the local stack, signed with its key ({@link DevTokens}). Only the local stack
 * trusts these; in production people get their tokens from the identity provider.
 */
public final class NewToken {

    private static final Set<String> ROLES = Set.of(Roles.AGENT, Roles.LEAD, Roles.ANALYST, Roles.ADMIN, Roles.OPS);
    private static final String USAGE = "usage: ./omnipulse token --role agent|lead|analyst|admin|ops [--role ...] "
            + "[--team TEAM ...] [--subject NAME] [--hours 12] [--home .omnipulse]";

    private NewToken() {
    }

    public static void main(String[] args) {
        List<String> roles = new ArrayList<>();
        List<String> teams = new ArrayList<>();
        String subject = null;
        long hours = 12;
        Path home = Path.of(".omnipulse");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--role" -> roles.add(args[i + 1]);
                case "--team" -> teams.add(args[i + 1]);
                case "--subject" -> subject = args[i + 1];
                case "--hours" -> hours = Long.parseLong(args[i + 1]);
                case "--home" -> home = Path.of(args[i + 1]);
                default -> fail("unknown option " + args[i]);
            }
        }
        if (args.length % 2 != 0 || roles.isEmpty() || !ROLES.containsAll(roles) || hours < 1) {
            fail(USAGE);
        }
        String who = subject != null ? subject : roles.get(0) + "@omnipulse.local";
        System.out.println(DevTokens.ensure(home).token(who, roles, teams, Duration.ofHours(hours)));
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
