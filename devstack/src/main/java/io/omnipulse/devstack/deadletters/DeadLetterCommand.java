package io.omnipulse.devstack.deadletters;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The parsed command line of {@link DeadLetterTool}; {@code null} from {@link #parse} means "print the usage". */
record DeadLetterCommand(boolean replay, String bootstrapServers, DeadLetterSelection selection, boolean again) {

    static final String DEFAULT_BOOTSTRAP = "localhost:9092";

    static DeadLetterCommand parse(String envBootstrap, String... args) {
        if (args.length == 0 || args[0].equals("--help")) {
            return null;
        }
        boolean replay = switch (args[0]) {
            case "list" -> false;
            case "replay" -> true;
            default -> throw new IllegalArgumentException("unknown command " + args[0] + "\n" + usage());
        };
        String bootstrap = envBootstrap == null || envBootstrap.isBlank() ? DEFAULT_BOOTSTRAP : envBootstrap;
        DeadLetterSelection s = DeadLetterSelection.ALL;
        boolean again = false;
        try {
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--bootstrap-servers" -> bootstrap = value(args, ++i, arg);
                    case "--service" -> s = s.withService(value(args, ++i, arg));
                    case "--source-topic" -> s = s.withSourceTopic(value(args, ++i, arg));
                    case "--source-partition" -> s = s.withSourcePartition(Integer.parseInt(value(args, ++i, arg)));
                    case "--source-offsets" -> {
                        String[] range = value(args, ++i, arg).split("-", 2);
                        s = s.withOffsets(Long.parseLong(range[0]), Long.parseLong(range.length == 2 ? range[1] : range[0]));
                    }
                    case "--since" -> s = s.withSince(Instant.parse(value(args, ++i, arg)));
                    case "--until" -> s = s.withUntil(Instant.parse(value(args, ++i, arg)));
                    case "--again" -> again = true;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("bad value: " + e.getMessage() + "\n" + usage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + usage());
        }
        if (again && !replay) {
            throw new IllegalArgumentException("--again only applies to replay\n" + usage());
        }
        return new DeadLetterCommand(replay, bootstrap, s, again);
    }

    static String usage() {
        return """
                usage: ./omnipulse dead-letters list|replay [--service NAME] [--source-topic TOPIC]
                           [--source-partition N] [--source-offsets FROM-TO] [--since INSTANT] [--until INSTANT]
                           [--again] [--bootstrap-servers HOST:PORT]
                  list      one line per dead letter on cx.dead-letters.v1: its origin and error, never its content
                  replay    re-publish the selected dead letters' original key and value onto their source
                            topic and partition (transactional, acks=all); each is replayed once unless --again
                  --source-offsets  source offsets, inclusive (use with --source-topic and --source-partition)
                  --since/--until   failure time, ISO-8601 (2026-11-20T10:00:00Z), until exclusive
                  broker: --bootstrap-servers, else KAFKA_BOOTSTRAP_SERVERS, else localhost:9092""";
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
