package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.Events.T0;
import static io.omnipulse.scoring.streams.Events.answer;
import static io.omnipulse.scoring.streams.Events.handled;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.scoring.domain.CustomerState;
import io.omnipulse.scoring.domain.RecentAnswers;
import io.omnipulse.scoring.domain.ScopeTotals;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Answers count for the channel, team and agent of the interaction they rate. */
class AttributionTest {

    static final String ANN = "ann@example.com";

    final ScoringDriver scoring = new ScoringDriver();

    static ScopeTotals withoutUpdatedAt(ScopeTotals totals) {
        return new ScopeTotals(totals.all(), totals.lateEvents(), totals.windowEndDay(), 0);
    }

    static Object answers(CustomerState customer) {
        return customer.answers();
    }

    static <V> Map<String, Object> storeOf(ScoringDriver driver, String store, Function<V, Object> view) {
        Map<String, Object> all = new TreeMap<>();
        try (KeyValueIterator<String, V> entries = driver.driver.<String, V>getKeyValueStore(store).all()) {
            entries.forEachRemaining(entry -> all.put(entry.key, view.apply(entry.value)));
        }
        return all;
    }

    @AfterEach
    void close() {
        scoring.close();
    }

    @Test
    void surveyAnsweredByEmailAboutACallCountsForTheCall() {
        scoring.send(handled("call-1", Channel.CALL, ANN, T0, "conv-1", "billing", "a-7", InteractionStatus.RESOLVED,
                        0, 30),
                handled("chat-1", Channel.CHAT, ANN, T0.plusSeconds(60), "conv-2", "sales", "a-1",
                        InteractionStatus.RESOLVED, 0, 0),
                answer("s-1", Channel.EMAIL, ANN, T0.plus(Duration.ofHours(2)), Metric.NPS, 3, "conv-1"));

        Map<String, ScoreUpdated> latest = scoring.latest("all", "channel", "team", "agent");
        assertThat(latest).containsOnlyKeys("channel:call:all", "team:billing:all", "agent:a-7:all");
        assertThat(latest.get("agent:a-7:all").nps().detractors()).isEqualTo(1);
        assertThat(scoring.counter("omnipulse.scoring.responses.attributed")).isEqualTo(1.0);
    }

    @Test
    void aRememberedAnswerKeepsNeitherTheCustomersIdentifiersNorTheComment() {
        ContactEvent said = answer("s-1", Channel.EMAIL, ANN, T0, Metric.NPS, 3, "conv-1");
        ContactEvent withComment = new ContactEvent(said.eventId(), said.source(), said.type(), said.channel(),
                said.occurredAt(), said.customer(), said.conversationId(), said.agentId(), said.team(), null,
                new FeedbackDetails(Metric.NPS, 3, null, "call me on +44 20 7946 0000", "conv-1"), T0);
        scoring.send(withComment);

        RecentAnswers stored = scoring.customerOf(Events.keyOf(withComment)).answers();
        assertThat(stored.items()).hasSize(1);
        ContactEvent remembered = stored.items().get(0).answer();
        assertThat(remembered.customer()).isNull();
        assertThat(remembered.feedback().comment()).isNull();
        assertThat(remembered.ingestedAt()).isNull();
        assertThat(remembered.feedback()).isEqualTo(new FeedbackDetails(Metric.NPS, 3, null, null, "conv-1"));
        assertThat(List.of(remembered.eventId(), remembered.source(), remembered.occurredAt()))
                .isEqualTo(List.of(said.eventId(), said.source(), said.occurredAt()));

        // Still re-attributed when the call it rates comes after it.
        scoring.send(handled("call-1", Channel.CALL, ANN, T0.minusSeconds(60), "conv-1", "billing", "a-7",
                InteractionStatus.RESOLVED, 0, 30));
        Map<String, ScoreUpdated> latest = scoring.latest("all", "channel");
        assertThat(latest.get("channel:call:all").nps().detractors()).isEqualTo(1);
        assertThat(latest.get("channel:email:all").nps().n()).isZero();
    }

    @Test
    void withoutAConversationTheLatestInteractionBeforeTheAnswerIsRated() {
        scoring.send(handled("chat-1", Channel.CHAT, ANN, T0, null, "sales", "a-1", InteractionStatus.RESOLVED, 0, 0),
                handled("call-1", Channel.CALL, ANN, T0.plusSeconds(60), null, "billing", "a-7",
                        InteractionStatus.RESOLVED, 0, 0),
                // After the answer: not what it rates.
                handled("social-1", Channel.SOCIAL, ANN, T0.plus(Duration.ofHours(5)), null, "social", "a-9",
                        InteractionStatus.OPEN, 0, 0),
                answer("s-1", Channel.EMAIL, ANN, T0.plus(Duration.ofHours(1)), Metric.CSAT, 5, null));

        assertThat(scoring.latest("all", "channel", "team", "agent"))
                .containsOnlyKeys("channel:call:all", "team:billing:all", "agent:a-7:all");
    }

    @Test
    void unknownConversationFallsBackToTheLatestInteraction() {
        scoring.send(handled("chat-1", Channel.CHAT, ANN, T0, "conv-1", "sales", "a-1", InteractionStatus.RESOLVED,
                0, 0), answer("s-1", Channel.EMAIL, ANN, T0.plusSeconds(60), Metric.CSAT, 5, "conv-unknown"));

        assertThat(scoring.latest("all", "team")).containsOnlyKeys("team:sales:all");
    }

    @Test
    void interactionBeyondTheHorizonIsNotRatedAndTheAnswerKeepsItsOwnChannel() {
        scoring.send(handled("call-1", Channel.CALL, ANN, T0, null, "billing", "a-7", InteractionStatus.RESOLVED, 0, 0),
                answer("s-1", Channel.EMAIL, ANN, T0.plus(Duration.ofDays(8)), Metric.CES, 6, null));

        assertThat(scoring.latest("all", "channel", "team", "agent")).containsOnlyKeys("channel:email:all");
        assertThat(scoring.counter("omnipulse.scoring.responses.attributed")).isZero();
    }

    @Test
    void answerCountsForTheTeamOnTheChannelOfTheRatedInteraction() {
        scoring.send(handled("call-1", Channel.CALL, ANN, T0, "conv-1", "billing", "a-7", InteractionStatus.RESOLVED,
                0, 0), answer("s-1", Channel.EMAIL, ANN, T0.plusSeconds(60), Metric.NPS, 10, "conv-1"));

        Map<String, ScoreUpdated> latest = scoring.latest("all", "team-channel");
        assertThat(latest).containsOnlyKeys("team-channel:call:billing:all");
        assertThat(latest.get("team-channel:call:billing:all").nps().promoters()).isEqualTo(1);
    }

    @Test
    void anAnswerThatComesBeforeTheCallItRatesMovesToTheCall() {
        scoring.send(answer("s-1", Channel.EMAIL, ANN, T0.plus(Duration.ofHours(2)), Metric.NPS, 3, "conv-1"));
        assertThat(scoring.latest("all", "channel")).containsOnlyKeys("channel:email:all");

        scoring.send(handled("call-1", Channel.CALL, ANN, T0, "conv-1", "billing", "a-7", InteractionStatus.RESOLVED,
                0, 30));

        Map<String, ScoreUpdated> latest = scoring.latest("all", "global", "channel", "team", "agent", "team-channel");
        assertThat(latest).containsOnlyKeys("channel:email:all", "channel:call:all", "team:billing:all",
                "agent:a-7:all", "team-channel:call:billing:all");
        assertThat(latest.get("channel:email:all").nps().n()).isZero();
        assertThat(latest.get("channel:call:all").nps().detractors()).isEqualTo(1);
        assertThat(latest.get("agent:a-7:all").nps().detractors()).isEqualTo(1);
        assertThat(scoring.driver.getKeyValueStore(ScoringTopology.TALLIES_STORE).get("channel|email")).isNull();
        assertThat(((ScopeTotals) scoring.driver.getKeyValueStore(ScoringTopology.TALLIES_STORE).get("global|all"))
                .all().nps().n()).isEqualTo(1);
        assertThat(scoring.counter("omnipulse.scoring.responses.reattributed")).isEqualTo(1.0);
    }

    @Test
    void theSameEventsInEitherOrderGiveTheSameTalliesDaysAndAttributions() {
        List<ContactEvent> interactions = List.of(
                handled("call-1", Channel.CALL, ANN, T0, "conv-1", "billing", "a-7", InteractionStatus.RESOLVED, 0, 30),
                handled("chat-1", Channel.CHAT, ANN, T0.plus(Duration.ofMinutes(30)), "conv-2", "sales", "a-1",
                        InteractionStatus.RESOLVED, 0, 0),
                handled("call-2", Channel.CALL, ANN, T0.minus(Duration.ofDays(2)), "conv-3", "care", "a-3",
                        InteractionStatus.RESOLVED, 0, 0));
        List<ContactEvent> answers = List.of(
                answer("s-1", Channel.EMAIL, ANN, T0.plus(Duration.ofHours(2)), Metric.NPS, 3, "conv-1"),
                answer("s-2", Channel.EMAIL, ANN, T0.plus(Duration.ofHours(3)), Metric.CSAT, 5, null),
                answer("s-3", Channel.SOCIAL, ANN, T0.minus(Duration.ofDays(1)), Metric.CES, 2, null),
                // Its conversation's call came after it: it rates the latest interaction before it instead.
                answer("s-4", Channel.EMAIL, ANN, T0.minus(Duration.ofHours(1)), Metric.NPS, 10, "conv-1"));
        scoring.send(answers.toArray(ContactEvent[]::new));
        scoring.send(interactions.toArray(ContactEvent[]::new));

        try (ScoringDriver inOrder = new ScoringDriver()) {
            inOrder.send(interactions.toArray(ContactEvent[]::new));
            inOrder.send(answers.toArray(ContactEvent[]::new));

            // updatedAt is the clock when a scope key last changed, which depends on the order by definition.
            assertThat(storeOf(scoring, ScoringTopology.TALLIES_STORE, AttributionTest::withoutUpdatedAt))
                    .isEqualTo(storeOf(inOrder, ScoringTopology.TALLIES_STORE, AttributionTest::withoutUpdatedAt))
                    .containsKeys("channel|call", "agent|a-1", "team|care").doesNotContainKey("channel|email");
            assertThat(storeOf(scoring, ScoringTopology.BUCKETS_STORE, v -> v))
                    .isEqualTo(storeOf(inOrder, ScoringTopology.BUCKETS_STORE, v -> v));
            assertThat(storeOf(scoring, ScoringTopology.CUSTOMER_TALLIES_STORE, AttributionTest::withoutUpdatedAt))
                    .isEqualTo(storeOf(inOrder, ScoringTopology.CUSTOMER_TALLIES_STORE, AttributionTest::withoutUpdatedAt))
                    .containsOnlyKeys("customer|" + Events.keyOf(answers.get(0)));
            assertThat(storeOf(scoring, ScoringTopology.CUSTOMER_BUCKETS_STORE, v -> v))
                    .isEqualTo(storeOf(inOrder, ScoringTopology.CUSTOMER_BUCKETS_STORE, v -> v));
            assertThat(storeOf(scoring, ScoringTopology.CUSTOMERS_STORE, AttributionTest::answers))
                    .isEqualTo(storeOf(inOrder, ScoringTopology.CUSTOMERS_STORE, AttributionTest::answers));
            assertThat(scoring.counter("omnipulse.scoring.responses.reattributed")).isEqualTo(5.0);
            assertThat(inOrder.counter("omnipulse.scoring.responses.reattributed")).isZero();
        }
    }

    @Test
    void aLaterContactInTheSameConversationIsNotWhatTheAnswerRated() {
        scoring.send(handled("call-1", Channel.CALL, ANN, T0, "conv-1", "billing", "a-7", InteractionStatus.RESOLVED,
                        0, 0),
                answer("s-1", Channel.EMAIL, ANN, T0.plus(Duration.ofHours(1)), Metric.NPS, 9, "conv-1"),
                // The next day, the same conversation goes on by chat: the answer was about the call.
                handled("chat-1", Channel.CHAT, ANN, T0.plus(Duration.ofDays(1)), "conv-1", "sales", "a-1",
                        InteractionStatus.RESOLVED, 0, 0));

        assertThat(scoring.latest("all", "channel", "team", "agent"))
                .containsOnlyKeys("channel:call:all", "team:billing:all", "agent:a-7:all");
        assertThat(scoring.counter("omnipulse.scoring.responses.reattributed")).isZero();
    }

    @Test
    void anInteractionLaterThanTheGraceReattributesNothing() {
        scoring.send(answer("s-1", Channel.EMAIL, ANN, T0, Metric.NPS, 3, "conv-1"),
                handled("other", Channel.CHAT, "bob@example.com", T0.plus(Duration.ofDays(8)), null, "sales", "a-1",
                        InteractionStatus.RESOLVED, 0, 0),
                handled("call-1", Channel.CALL, ANN, T0.minus(Duration.ofHours(1)), "conv-1", "billing", "a-7",
                        InteractionStatus.RESOLVED, 0, 0));

        assertThat(scoring.latest("all", "channel", "team", "agent")).containsOnlyKeys("channel:email:all");
        assertThat(scoring.counter("omnipulse.scoring.responses.reattributed")).isZero();
    }

    @Test
    void anotherCustomersInteractionIsNeverRated() {
        scoring.send(handled("call-1", Channel.CALL, "bob@example.com", T0, "conv-1", "billing", "a-7",
                InteractionStatus.RESOLVED, 0, 0),
                answer("s-1", Channel.EMAIL, ANN, T0.plusSeconds(60), Metric.NPS, 9, "conv-1"));

        assertThat(scoring.latest("all", "channel", "team", "agent")).containsOnlyKeys("channel:email:all");
    }
}
