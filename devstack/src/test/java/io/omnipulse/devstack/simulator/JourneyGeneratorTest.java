package io.omnipulse.devstack.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.EventType;
import io.omnipulse.events.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JourneyGeneratorTest {

    private final Instant now = Instant.parse("2026-11-20T12:00:00Z");

    private List<ContactEvent> journeys(int n) {
        JourneyGenerator generator = new JourneyGenerator(7L, 100);
        List<ContactEvent> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.addAll(generator.nextJourney(now));
        }
        return all;
    }

    @Test
    void everyEventFollowsTheContract() {
        Set<String> ids = new HashSet<>();
        for (ContactEvent e : journeys(500)) {
            assertThat(ids.add(e.dedupKey())).as("unique id %s", e.eventId()).isTrue();
            assertThat(e.customer().isEmpty()).isFalse();
            assertThat(e.occurredAt()).isBeforeOrEqualTo(now.plusSeconds(60));
            if (e.type() == EventType.FEEDBACK) {
                assertThat(e.feedback().metric()).isNotNull();
                if (e.feedback().score() != null) {
                    assertThat(e.feedback().effectiveScale().contains(e.feedback().score())).isTrue();
                }
            } else {
                assertThat(e.interaction()).isNotNull();
            }
        }
    }

    @Test
    void trafficContainsDetractorsPromotersAndSeveralChannelsPerCustomer() {
        List<ContactEvent> events = journeys(500);
        List<Integer> nps = events.stream().filter(e -> e.isFeedback() && e.feedback().metric() == Metric.NPS)
                .map(e -> e.feedback().score()).filter(s -> s != null).toList();

        assertThat(nps).anyMatch(s -> s <= 6).anyMatch(s -> s >= 9);
        assertThat(events.stream().map(ContactEvent::channel).distinct()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void sameSeedGivesTheSameTraffic() {
        assertThat(journeys(50)).isEqualTo(journeys(50));
    }
}
