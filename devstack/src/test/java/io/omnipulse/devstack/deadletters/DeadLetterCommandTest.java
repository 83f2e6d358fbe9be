package io.omnipulse.devstack.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterCommandTest {

    @Test
    void replaySelectionIsParsedFromTheCommandLine() {
        DeadLetterCommand c = DeadLetterCommand.parse("broker:9092", "replay", "--service", "alerting-service",
                "--source-topic", "cx.score-updates.v1", "--source-partition", "2", "--source-offsets", "10-20",
                "--since", "2026-11-20T10:00:00Z", "--again");

        assertThat(c.replay()).isTrue();
        assertThat(c.again()).isTrue();
        assertThat(c.bootstrapServers()).isEqualTo("broker:9092");
        assertThat(c.selection()).isEqualTo(new DeadLetterSelection("alerting-service", "cx.score-updates.v1", 2,
                10L, 20L, Instant.parse("2026-11-20T10:00:00Z"), null));
    }

    @Test
    void listDefaultsToEveryDeadLetterOnTheLocalBroker() {
        DeadLetterCommand c = DeadLetterCommand.parse(null, "list");

        assertThat(c.replay()).isFalse();
        assertThat(c.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(c.selection()).isEqualTo(DeadLetterSelection.ALL);
        assertThat(DeadLetterCommand.parse(null, "--help")).isNull();
    }

    @Test
    void badInputIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> DeadLetterCommand.parse(null, "purge")).hasMessageContaining("usage:");
        assertThatThrownBy(() -> DeadLetterCommand.parse(null, "list", "--again")).hasMessageContaining("--again");
        assertThatThrownBy(() -> DeadLetterCommand.parse(null, "list", "--since", "yesterday")).hasMessageContaining("usage:");
        assertThatThrownBy(() -> DeadLetterCommand.parse(null, "replay", "--source-offsets", "a-b")).hasMessageContaining("usage:");
    }
}
