package io.omnipulse.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class IntakeBacklogTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Config config = new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(Map.of("mp.messaging.incoming.small.max.poll.records", "10"),
                    "test", 100))
            .build();
    private final IntakeBacklog backlog = new IntakeBacklog(config, now::get);

    @Test
    void aFullPollMeansBehindUntilAPollThatIsNotFull() {
        assertThat(backlog.behind()).as("before any poll").isFalse();
        backlog.polled("small", 9);
        assertThat(backlog.behind()).as("9 of at most 10").isFalse();
        backlog.polled("small", 10);
        assertThat(backlog.behind()).as("a full poll").isTrue();
        backlog.polled("small", 10);
        assertThat(backlog.behind()).isTrue();
        backlog.polled("small", 0);
        assertThat(backlog.behind()).as("caught up").isFalse();
    }

    @Test
    void aChannelWithoutMaxPollRecordsIsFullAtTheConsumersDefaultOf500() {
        backlog.polled("resolved-events", 499);
        assertThat(backlog.behind()).isFalse();
        backlog.polled("resolved-events", 500);
        assertThat(backlog.behind()).isTrue();
    }

    @Test
    void anyChannelBehindIsEnoughAndEachCatchesUpOnItsOwn() {
        backlog.polled("small", 10);
        backlog.polled("resolved-events", 500);
        backlog.polled("small", 1);
        assertThat(backlog.behind()).as("resolved-events is still behind").isTrue();
        backlog.polled("resolved-events", 1);
        assertThat(backlog.behind()).isFalse();
    }

    @Test
    void aFullPollStopsCountingWhenNoPollFollowsWithinTheHold() {
        backlog.polled("small", 10);
        now.addAndGet(IntakeBacklog.HOLD_MILLIS - 1);
        assertThat(backlog.behind()).isTrue();
        now.addAndGet(1);
        assertThat(backlog.behind()).as("a consumer stuck on a failure does not hold the workers back for good")
                .isFalse();
    }
}
