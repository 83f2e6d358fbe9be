package io.omnipulse.devstack.deadletters;

import io.omnipulse.devstack.QuietKafkaLogs;
import io.omnipulse.events.DeadLetters;
import io.omnipulse.events.Topics;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./omnipulse dead-letters list|replay [filters]}: lists the dead letters on
 * {@code cx.dead-letters.v1} (where each came from and why it failed, never its payload, which may
 * hold personal data) and replays selected ones onto their source topic after a fix. A dead letter is
 * replayed once; {@code --again} sends it again.
 */
public final class DeadLetterTool {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final PrintStream out;
    private final Clock clock;

    public DeadLetterTool(String bootstrapServers, PrintStream out, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
        this.clock = clock;
    }

    public static void main(String[] args) {
        QuietKafkaLogs.apply();
        try {
            DeadLetterCommand command = DeadLetterCommand.parse(System.getenv("KAFKA_BOOTSTRAP_SERVERS"), args);
            if (command == null) {
                System.out.println(DeadLetterCommand.usage());
                return;
            }
            DeadLetterTool tool = new DeadLetterTool(command.bootstrapServers(), System.out, Clock.systemUTC());
            if (command.replay()) {
                tool.replay(command.selection(), command.again());
            } else {
                tool.list(command.selection());
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("dead-letters: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Prints one line per selected dead letter; returns how many. */
    public int list(DeadLetterSelection selection) {
        ReplayLedger ledger = ReplayLedger.load(bootstrapServers, TIMEOUT);
        List<DeadLetter> selected = read(selection);
        selected.forEach(d -> out.println(describe(d) + (ledger.contains(d) ? "  [replayed]" : "")));
        out.printf("%d dead letter(s)%n", selected.size());
        return selected.size();
    }

    /** Replays the selected dead letters not replayed before (all of them with {@code again}); returns how many. */
    public int replay(DeadLetterSelection selection, boolean again) {
        ReplayLedger.requireTopic(bootstrapServers, TIMEOUT);
        // Opened before the ledger is read: opening waits for an earlier replay to be complete.
        try (DeadLetterReplayer replayer = DeadLetterReplayer.open(bootstrapServers)) {
            ReplayLedger ledger = ReplayLedger.load(bootstrapServers, TIMEOUT);
            List<DeadLetter> due = new ArrayList<>();
            int skipped = 0;
            for (DeadLetter d : read(selection)) {
                if (again || !ledger.contains(d)) {
                    due.add(d);
                } else {
                    skipped++;
                }
            }
            for (DeadLetterReplayer.Replayed r : replayer.replay(due, clock.instant())) {
                out.printf("replayed %s -> %s/%d@%d%n", r.deadLetter().id(), r.topic(), r.partition(), r.offset());
            }
            out.printf("%d dead letter(s) replayed, %d already replayed before (use --again to send them again)%n",
                    due.size(), skipped);
            return due.size();
        }
    }

    private List<DeadLetter> read(DeadLetterSelection selection) {
        List<DeadLetter> selected = new ArrayList<>();
        int[] foreign = {0};
        TopicReader.readAll(bootstrapServers, Topics.DEAD_LETTERS.name(), TIMEOUT, r ->
                DeadLetters.Origin.from(r.headers()).ifPresentOrElse(origin -> {
                    if (selection.matches(origin)) {
                        selected.add(new DeadLetter(r.partition(), r.offset(), origin, r.key(), r.value()));
                    }
                }, () -> foreign[0]++));
        if (foreign[0] > 0) {
            out.printf("(%d record(s) without dead-letter headers ignored)%n", foreign[0]);
        }
        return selected;
    }

    /** Everything about a dead letter except its content. */
    static String describe(DeadLetter d) {
        DeadLetters.Origin o = d.origin();
        return String.format("%-8s service=%s source=%s/%d@%d stage=%s failed-at=%s error=%s: %s key=%dB value=%dB",
                d.id(), o.service(), o.sourceTopic(), o.sourcePartition(), o.sourceOffset(),
                o.stage().name().toLowerCase(java.util.Locale.ROOT), o.failedAt(), o.errorClass(),
                o.errorMessage() == null ? "" : o.errorMessage(), d.keySize(), d.valueSize());
    }
}
