package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.Events.feedback;
import static io.omnipulse.scoring.streams.Events.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.scoring.domain.ScopeTotals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScoringTopologyTest {

    final ScoringDriver scoring = new ScoringDriver();

    @AfterEach
    void close() {
        scoring.close();
    }

    @Test
    void mixedResponsesGiveGlobalAndChannelScores() {
        scoring.send(
                feedback("n1", Channel.EMAIL, Metric.NPS, 10),
                feedback("n2", Channel.EMAIL, Metric.NPS, 6),
                feedback("n3", Channel.EMAIL, Metric.NPS, 8),
                feedback("n4", Channel.CHAT, Metric.NPS, 9),
                feedback("c1", Channel.EMAIL, "bob@example.com", Metric.CES, 2, null),
                feedback("c2", Channel.CHAT, "bob@example.com", Metric.CES, 5, Events.CES_1_0),
                feedback("c3", Channel.CHAT, "cy@example.com", Metric.CES, 7, new Scale(1, 7, true)),
                feedback("s1", Channel.CALL, Metric.CSAT, 4),
                feedback("s2", Channel.EMAIL, Metric.CSAT, 2),
                feedback("s3", Channel.SOCIAL, Metric.CSAT, 5));

        Map<String, ScoreUpdated> latest = scoring.latest("all", "global", "channel");

        assertThat(latest).containsOnlyKeys("global:all:all", "channel:email:all", "channel:chat:all",
                "channel:call:all", "channel:social:all");
        ScoreUpdated global = latest.get("global:all:all");
        // 2 promoters, 1 passive, 1 detractor of 4 -> 25
        assertThat(global.nps()).isEqualTo(nps(2, 1, 1, 25.0));
        // ease 16.67 (high effort), 0 (high effort), 100 -> 38.9
        assertThat(global.ces()).isEqualTo(new ScoreUpdated.Ces(3, 38.9, 2, 66.7));
        assertThat(global.csat()).isEqualTo(new ScoreUpdated.Csat(3, 2, 66.7));

        ScoreUpdated email = latest.get("channel:email:all");
        assertThat(email.scope()).isEqualTo("channel");
        assertThat(email.key()).isEqualTo("email");
        assertThat(email.window()).isEqualTo("all");
        assertThat(email.nps()).isEqualTo(nps(1, 1, 1, 0.0));
        assertThat(email.ces()).isEqualTo(new ScoreUpdated.Ces(1, 16.7, 1, 100.0));
        assertThat(email.csat()).isEqualTo(new ScoreUpdated.Csat(1, 0, 0.0));

        ScoreUpdated chat = latest.get("channel:chat:all");
        assertThat(chat.nps()).isEqualTo(nps(1, 0, 0, 100.0));
        assertThat(chat.ces()).isEqualTo(new ScoreUpdated.Ces(2, 50.0, 1, 50.0));
        assertThat(chat.csat()).isEqualTo(new ScoreUpdated.Csat(0, 0, null));
        assertThat(scoring.counter("omnipulse.scoring.responses.counted")).isEqualTo(10.0);
    }

    @Test
    void reSentEventCountsOnce() {
        ContactEvent promoter = feedback("n1", Channel.EMAIL, Metric.NPS, 10);

        scoring.send(promoter, promoter, feedback("n2", Channel.EMAIL, Metric.NPS, 3), promoter);

        List<KeyValue<String, ScoreUpdated>> updates = scoring.output.readKeyValuesToList().stream()
                .filter(kv -> kv.key.equals("channel:email:all")).toList();
        assertThat(updates).hasSize(2);
        assertThat(updates.get(1).value.nps()).isEqualTo(nps(1, 0, 1, 0.0));
        assertThat(scoring.counter("omnipulse.scoring.duplicates.dropped")).isEqualTo(2.0);
        assertThat(scoring.counter("omnipulse.scoring.responses.counted")).isEqualTo(2.0);
    }

    @Test
    void sameEventIdFromAnotherSourceIsAnotherEvent() {
        ContactEvent fromSurveyTool = feedback("n1", Channel.EMAIL, Metric.NPS, 10);
        ContactEvent fromChatBot = new ContactEvent("n1", "chat-bot", fromSurveyTool.type(), Channel.EMAIL,
                fromSurveyTool.occurredAt(), fromSurveyTool.customer(), null, null, null, null,
                fromSurveyTool.feedback(), null);

        scoring.send(fromSurveyTool, fromChatBot);

        assertThat(scoring.latest().get("channel:email:all").nps().n()).isEqualTo(2);
    }

    @Test
    void skippedAnswerIsNotAResponse() {
        scoring.send(feedback("n1", Channel.EMAIL, Metric.NPS, null), feedback("n2", Channel.EMAIL, Metric.NPS, 9),
                feedback("n3", Channel.EMAIL, Metric.CSAT, null));

        ScoreUpdated email = scoring.latest().get("channel:email:all");
        assertThat(email.nps()).isEqualTo(nps(1, 0, 0, 100.0));
        assertThat(email.csat().n()).isZero();
        assertThat(scoring.output.isEmpty()).isTrue();
    }

    @Test
    void skippedAnswerAloneChangesNothing() {
        scoring.send(feedback("n1", Channel.EMAIL, Metric.NPS, null));

        assertThat(scoring.output.isEmpty()).isTrue();
    }

    @Test
    void interactionsAloneProduceNoScores() {
        scoring.send(interaction("i1", Channel.CALL), interaction("i2", Channel.EMAIL));

        assertThat(scoring.output.isEmpty()).isTrue();
        assertThat(scoring.driver.getKeyValueStore(ScoringTopology.TALLIES_STORE).approximateNumEntries()).isZero();
        assertThat(scoring.driver.getKeyValueStore(ScoringTopology.CUSTOMER_TALLIES_STORE).approximateNumEntries()).isZero();
    }

    @Test
    void answerOffItsScaleIsRejectedNotCounted() {
        scoring.send(feedback("n1", Channel.EMAIL, Metric.NPS, 11));

        assertThat(scoring.output.isEmpty()).isTrue();
        assertThat(scoring.counter("omnipulse.scoring.responses.rejected")).isEqualTo(1.0);
    }

    @Test
    void everyChangeIsPublishedKeyedByScopeKeyAndWindow() {
        Instant first = Instant.parse("2025-01-06T10:00:00Z");
        Instant second = Instant.parse("2025-01-06T11:00:00Z");
        ContactEvent a = Events.at(feedback("n1", Channel.SOCIAL, Metric.NPS, 9), first);
        ContactEvent b = Events.at(feedback("n2", Channel.SOCIAL, Metric.NPS, 0), second);

        scoring.send(a, b);

        List<KeyValue<String, ScoreUpdated>> all = scoring.output.readKeyValuesToList();
        String customer = Events.keyOf(a);
        // The customer's scope key first: the shared ones get their responses summed at the commit
        // (SumPerScopeKey), which the driver does after each record.
        assertThat(all).extracting(kv -> kv.key).containsExactly(
                "customer:" + customer + ":all", "customer:" + customer + ":7d", "customer:" + customer + ":30d",
                "customer:" + customer + ":90d",
                "global:all:all", "global:all:7d", "global:all:30d", "global:all:90d",
                "channel:social:all", "channel:social:7d", "channel:social:30d", "channel:social:90d",
                "customer:" + customer + ":all", "customer:" + customer + ":7d", "customer:" + customer + ":30d",
                "customer:" + customer + ":90d",
                "global:all:all", "global:all:7d", "global:all:30d", "global:all:90d",
                "channel:social:all", "channel:social:7d", "channel:social:30d", "channel:social:90d");
        List<KeyValue<String, ScoreUpdated>> updates = all.stream().filter(kv -> kv.key.endsWith(":all")
                && !kv.key.startsWith("customer")).toList();
        assertThat(updates).extracting(kv -> kv.key)
                .containsExactly("global:all:all", "channel:social:all", "global:all:all", "channel:social:all");
        assertThat(updates).extracting(kv -> kv.value.nps().n()).containsExactly(1L, 1L, 2L, 2L);
        assertThat(updates).extracting(kv -> kv.value.updatedAt()).containsExactly(first, first, second, second);
    }

    @Test
    void eventWithoutChannelCountsOnlyGlobally() {
        scoring.send(feedback("n1", null, Metric.NPS, 10));

        assertThat(scoring.latest("all", "global", "channel")).containsOnlyKeys("global:all:all");
    }

    @Test
    void talliesAreQueryableByScopeKey() {
        scoring.send(feedback("n1", Channel.CALL, Metric.CSAT, 5));

        ScopeTotals stored = scoring.driver
                .<String, ScopeTotals>getKeyValueStore(ScoringTopology.TALLIES_STORE).get("channel|call");
        assertThat(stored.all().csat().satisfied()).isEqualTo(1);
    }

    @Test
    void reSendWithinRetentionIsDroppedAndAfterItCountsAgain() {
        ContactEvent promoter = feedback("n1", Channel.EMAIL, Metric.NPS, 10);
        String seenKey = DropDuplicates.seenKey(Events.keyOf(promoter), promoter.dedupKey());
        scoring.send(promoter);

        scoring.driver.advanceWallClockTime(Duration.ofDays(29));
        scoring.send(promoter);
        assertThat(scoring.driver.getKeyValueStore(ScoringTopology.SEEN_EVENTS_STORE).get(seenKey))
                .isNotNull();

        scoring.driver.advanceWallClockTime(Duration.ofDays(1).plusHours(2));
        assertThat(scoring.driver.getKeyValueStore(ScoringTopology.SEEN_EVENTS_STORE).get(seenKey))
                .isNull();
        scoring.send(promoter);

        assertThat(scoring.latest().get("channel:email:all").nps().n()).isEqualTo(2);
        assertThat(scoring.counter("omnipulse.scoring.duplicates.dropped")).isEqualTo(1.0);
    }

    /** The expected NPS block; the margin of error comes from the one formula under test elsewhere. */
    private static ScoreUpdated.Nps nps(long promoters, long passives, long detractors, Double score) {
        return new ScoreUpdated.Nps(promoters, passives, detractors, promoters + passives + detractors, score,
                new io.omnipulse.scoring.domain.NpsCounts(promoters, passives, detractors).marginOfError95());
    }
}
