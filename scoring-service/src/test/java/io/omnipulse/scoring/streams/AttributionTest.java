package io.omnipulse.scoring.streams;

import static io.omnipulse.scoring.streams.Events.T0;
import static io.omnipulse.scoring.streams.Events.answer;
import static io.omnipulse.scoring.streams.Events.handled;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.events.ScoreUpdated;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Answers count for the channel, team and agent of the interaction they rate. */
class AttributionTest {

    static final String ANN = "ann@example.com";

    final ScoringDriver scoring = new ScoringDriver();

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
    void anotherCustomersInteractionIsNeverRated() {
        scoring.send(handled("call-1", Channel.CALL, "bob@example.com", T0, "conv-1", "billing", "a-7",
                InteractionStatus.RESOLVED, 0, 0),
                answer("s-1", Channel.EMAIL, ANN, T0.plusSeconds(60), Metric.NPS, 9, "conv-1"));

        assertThat(scoring.latest("all", "channel", "team", "agent")).containsOnlyKeys("channel:email:all");
    }
}
