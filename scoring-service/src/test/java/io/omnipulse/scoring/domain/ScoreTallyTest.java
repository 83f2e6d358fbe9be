package io.omnipulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.serde.JsonSerde;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreTallyTest {

    static final Scale CES_1_0 = new Scale(1, 5, false);
    static final ScopeKey EMAIL = new ScopeKey(Scope.CHANNEL, "email");

    static FeedbackDetails answer(Metric metric, Integer score) {
        return new FeedbackDetails(metric, score, null, null, null);
    }

    static FeedbackDetails ces(int score, Scale scale) {
        return new FeedbackDetails(Metric.CES, score, scale, null, null);
    }

    static ScoreTally tally(FeedbackDetails... answers) {
        ScoreTally tally = ScoreTally.EMPTY;
        for (FeedbackDetails a : answers) {
            tally = tally.add(a);
        }
        return tally;
    }

    @Test
    void removingAnAnswerUndoesAddingItWhateverCameBetween() {
        FeedbackDetails hardest = ces(1, new Scale(1, 7, true));
        ScoreTally before = tally(answer(Metric.NPS, 9), ces(6, null), answer(Metric.CSAT, 2));
        ScoreTally with = before.add(hardest).add(answer(Metric.NPS, 3)).add(ces(4, CES_1_0));

        ScoreTally without = with.remove(answer(Metric.NPS, 3)).remove(ces(4, CES_1_0)).remove(hardest);

        assertThat(without).isEqualTo(before);
        assertThat(tally(hardest).remove(hardest)).isEqualTo(ScoreTally.EMPTY);
        assertThat(with.remove(hardest).toScoreUpdated(EMAIL, "all", null))
                .isEqualTo(before.add(answer(Metric.NPS, 3)).add(ces(4, CES_1_0)).toScoreUpdated(EMAIL, "all", null));
    }

    static ScoreTally repeat(ScoreTally tally, FeedbackDetails answer, int times) {
        for (int i = 0; i < times; i++) {
            tally = tally.add(answer);
        }
        return tally;
    }

    static ScoreUpdated present(ScoreTally tally) {
        return tally.toScoreUpdated(EMAIL, ScoreTally.ALL_TIME, null);
    }

    @Test
    void populationWith45PromotersAnd20DetractorsOf100HasNps25() {
        ScoreTally t = repeat(ScoreTally.EMPTY, answer(Metric.NPS, 10), 25);
        t = repeat(t, answer(Metric.NPS, 9), 20);
        t = repeat(t, answer(Metric.NPS, 8), 15);
        t = repeat(t, answer(Metric.NPS, 7), 20);
        t = repeat(t, answer(Metric.NPS, 0), 5);
        t = repeat(t, answer(Metric.NPS, 6), 15);

        assertThat(present(t).nps()).isEqualTo(nps(45, 35, 20, 25.0));
    }

    @Test
    void populationWith65PromotersAnd6DetractorsOf100HasNps59() {
        ScoreTally t = repeat(ScoreTally.EMPTY, answer(Metric.NPS, 9), 65);
        t = repeat(t, answer(Metric.NPS, 7), 29);
        t = repeat(t, answer(Metric.NPS, 3), 6);

        assertThat(present(t).nps()).isEqualTo(nps(65, 29, 6, 59.0));
    }

    @ParameterizedTest
    @CsvSource({"0,0,0,1", "6,0,0,1", "7,0,1,0", "8,0,1,0", "9,1,0,0", "10,1,0,0"})
    void npsClassBoundaries(int score, long promoters, long passives, long detractors) {
        ScoreUpdated.Nps nps = present(tally(answer(Metric.NPS, score))).nps();

        assertThat(nps.promoters()).isEqualTo(promoters);
        assertThat(nps.passives()).isEqualTo(passives);
        assertThat(nps.detractors()).isEqualTo(detractors);
        assertThat(nps.n()).isEqualTo(1);
    }

    @Test
    void npsIsRoundedOnlyWhenPresentedAndSymmetrically() {
        assertThat(present(tally(answer(Metric.NPS, 9), answer(Metric.NPS, 8), answer(Metric.NPS, 8))).nps().score())
                .isEqualTo(33.3);
        // 1/16 = 6.25 %: half rounds away from zero on both sides.
        ScoreTally promoterOf16 = repeat(tally(answer(Metric.NPS, 10)), answer(Metric.NPS, 7), 15);
        ScoreTally detractorOf16 = repeat(tally(answer(Metric.NPS, 2)), answer(Metric.NPS, 7), 15);
        assertThat(present(promoterOf16).nps().score()).isEqualTo(6.3);
        assertThat(present(detractorOf16).nps().score()).isEqualTo(-6.3);
        assertThat(present(tally(answer(Metric.NPS, 1))).nps().score()).isEqualTo(-100.0);
    }

    @Test
    void skippedQuestionIsNotAResponse() {
        ScoreTally t = tally(answer(Metric.NPS, 10), answer(Metric.NPS, null), answer(Metric.CES, null),
                answer(Metric.CSAT, null));

        assertThat(t).isEqualTo(tally(answer(Metric.NPS, 10)));
        assertThat(present(t).nps().n()).isEqualTo(1);
        assertThat(present(t).nps().score()).isEqualTo(100.0);
        assertThat(ScoreTally.isResponse(answer(Metric.NPS, null))).isFalse();
        assertThat(ScoreTally.isInvalidAnswer(answer(Metric.NPS, null))).isFalse();
    }

    @ParameterizedTest(name = "CES 2.0 score {0} -> ease {1}, high effort {2}")
    @CsvSource({"1,0.0,true", "2,16.7,true", "3,33.3,true", "4,50.0,false", "5,66.7,false", "6,83.3,false",
            "7,100.0,false"})
    void ces20HigherIsEasierAndOneToThreeIsHighEffort(int score, double ease, boolean highEffort) {
        ScoreUpdated.Ces stated = present(tally(ces(score, new Scale(1, 7, true)))).ces();
        ScoreUpdated.Ces byDefault = present(tally(answer(Metric.CES, score))).ces();

        assertThat(stated).isEqualTo(new ScoreUpdated.Ces(1, ease, highEffort ? 1 : 0, highEffort ? 100.0 : 0.0));
        assertThat(byDefault).isEqualTo(stated);
    }

    @ParameterizedTest(name = "CES 1.0 score {0} -> ease {1}, high effort {2}")
    @CsvSource({"1,100.0,false", "2,75.0,false", "3,50.0,false", "4,25.0,true", "5,0.0,true"})
    void ces10HigherIsMoreEffortAndFourToFiveIsHighEffort(int score, double ease, boolean highEffort) {
        ScoreUpdated.Ces c = present(tally(ces(score, CES_1_0))).ces();

        assertThat(c).isEqualTo(new ScoreUpdated.Ces(1, ease, highEffort ? 1 : 0, highEffort ? 100.0 : 0.0));
    }

    @Test
    void scaleWithoutDirectionMeansHigherIsBetter() {
        assertThat(present(tally(ces(5, new Scale(1, 5, null)))).ces().meanEase()).isEqualTo(100.0);
    }

    @Test
    void cesAnswersOnDifferentConventionsAverageOnOneEaseScale() {
        ScoreTally t = tally(ces(2, new Scale(1, 7, true)), ces(1, CES_1_0));

        // (16.67 + 100) / 2
        assertThat(present(t).ces()).isEqualTo(new ScoreUpdated.Ces(2, 58.3, 1, 50.0));
    }

    @Test
    void meanEaseIsExactSoAHalfwayMeanRoundsUp() {
        // 3 answers of ease 100/6 among 1000: the exact mean is 0.05, which a drifting sum could miss.
        ScoreTally t = repeat(ScoreTally.EMPTY, answer(Metric.CES, 2), 3);
        t = repeat(t, answer(Metric.CES, 1), 997);

        assertThat(present(t).ces().meanEase()).isEqualTo(0.1);
        assertThat(present(t).ces().highEffort()).isEqualTo(1000);
    }

    @Test
    void csatCountsFourAndFiveAsSatisfied() {
        ScoreTally t = tally(answer(Metric.CSAT, 1), answer(Metric.CSAT, 2), answer(Metric.CSAT, 3),
                answer(Metric.CSAT, 4), answer(Metric.CSAT, 5), answer(Metric.CSAT, 5));

        assertThat(present(t).csat()).isEqualTo(new ScoreUpdated.Csat(6, 3, 50.0));
    }

    @Test
    void emptyTallyHasNoScoresButCounts() {
        ScoreUpdated u = ScoreTally.EMPTY.toScoreUpdated(ScopeKey.global(), ScoreTally.ALL_TIME, null);

        assertThat(u.scope()).isEqualTo("global");
        assertThat(u.key()).isEqualTo("all");
        assertThat(u.window()).isEqualTo("all");
        assertThat(u.nps()).isEqualTo(nps(0, 0, 0, null));
        assertThat(u.ces()).isEqualTo(new ScoreUpdated.Ces(0, null, 0, null));
        assertThat(u.csat()).isEqualTo(new ScoreUpdated.Csat(0, 0, null));
        assertThat(ScoreTally.EMPTY.responses()).isZero();
    }

    @Test
    void answersOffTheirScaleAreNotCounted() {
        FeedbackDetails[] invalid = {answer(Metric.NPS, 11), answer(Metric.NPS, -1), answer(Metric.CSAT, 0),
                answer(Metric.CES, 8), ces(6, CES_1_0), ces(3, new Scale(3, 3, true))};

        assertThat(tally(invalid)).isEqualTo(ScoreTally.EMPTY);
        for (FeedbackDetails f : invalid) {
            assertThat(ScoreTally.isInvalidAnswer(f)).as("%s", f).isTrue();
        }
        assertThat(ScoreTally.isResponse(new FeedbackDetails(null, 5, null, null, null))).isFalse();
    }

    @Test
    void addLeavesTheOriginalTallyUnchanged() {
        ScoreTally before = tally(answer(Metric.NPS, 9), ces(2, CES_1_0));
        ScoreTally after = before.add(answer(Metric.CES, 7)).add(answer(Metric.CSAT, 5));

        assertThat(before).isEqualTo(tally(answer(Metric.NPS, 9), ces(2, CES_1_0)));
        assertThat(before.responses()).isEqualTo(2);
        assertThat(after.responses()).isEqualTo(4);
    }

    @Test
    void scoreUpdatedCarriesScopeWindowAndTime() {
        Instant at = Instant.parse("2025-03-01T10:15:30Z");
        ScoreUpdated u = tally(answer(Metric.NPS, 9)).toScoreUpdated(EMAIL, ScoreTally.ALL_TIME, at);

        assertThat(u.scope()).isEqualTo("channel");
        assertThat(u.key()).isEqualTo("email");
        assertThat(u.window()).isEqualTo("all");
        assertThat(u.updatedAt()).isEqualTo(at);
    }

    @Test
    void tallySurvivesTheStateStoreSerde() {
        ScoreTally t = tally(answer(Metric.NPS, 9), answer(Metric.NPS, 3), ces(2, CES_1_0), answer(Metric.CES, 6),
                ces(4, new Scale(0, 10, true)), answer(Metric.CSAT, 4));
        JsonSerde<ScoreTally> serde = new JsonSerde<>(ScoreTally.class);

        ScoreTally back = serde.deserialize("t", serde.serialize("t", t));

        assertThat(back).isEqualTo(t);
        assertThat(present(back)).isEqualTo(present(t));
    }

    /** The expected NPS block; the margin of error comes from the one formula under test elsewhere. */
    private static ScoreUpdated.Nps nps(long promoters, long passives, long detractors, Double score) {
        return new ScoreUpdated.Nps(promoters, passives, detractors, promoters + passives + detractors, score,
                new io.omnipulse.scoring.domain.NpsCounts(promoters, passives, detractors).marginOfError95());
    }
}
