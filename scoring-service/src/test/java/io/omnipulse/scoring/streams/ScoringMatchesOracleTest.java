package io.omnipulse.scoring.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import io.omnipulse.events.ScoreUpdated;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomised, with fixed seeds so a failure is reproducible: for any sequence of events with
 * re-sends in any order, the published scores equal an oracle computed directly from the distinct
 * events, with plain arithmetic and none of the production code.
 */
class ScoringMatchesOracleTest {

    static final Scale[] CES_SCALES = {null, new Scale(1, 7, true), Events.CES_1_0, new Scale(0, 10, true)};
    static final String[] SOURCES = {"survey-tool", "chat-bot"};
    static final double ROUNDING = 0.05 + 1e-9;

    /** What the oracle expects for one scope key. */
    static final class Expected {
        long promoters;
        long passives;
        long detractors;
        long cesN;
        double easeSum;
        long highEffort;
        long csatN;
        long satisfied;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void publishedScoresEqualTheOracleOfDistinctEvents(long seed) {
        Random random = new Random(seed);
        List<ContactEvent> distinct = randomEvents(random);
        List<ContactEvent> sent = withResends(distinct, random);

        Map<String, ScoreUpdated> published;
        double duplicatesDropped;
        try (ScoringDriver scoring = new ScoringDriver()) {
            sent.forEach(scoring::send);
            published = scoring.latest();
            duplicatesDropped = scoring.counter("omnipulse.scoring.duplicates.dropped");
        }

        Map<String, Expected> expected = oracle(sent);
        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, e) -> assertMatches(key, e, published.get(key)));
        long countable = sent.stream().filter(ScoringMatchesOracleTest::countable).count();
        long distinctCountable = distinct.stream().filter(ScoringMatchesOracleTest::countable).count();
        assertThat(duplicatesDropped).isEqualTo(countable - distinctCountable);
    }

    static List<ContactEvent> randomEvents(Random random) {
        int size = 1 + random.nextInt(100);
        List<ContactEvent> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = "e" + random.nextInt(size * 2);
            String source = SOURCES[random.nextInt(SOURCES.length)];
            if (events.stream().anyMatch(e -> e.eventId().equals(id) && e.source().equals(source))) {
                continue;
            }
            Channel channel = random.nextInt(10) == 0 ? null : Channel.values()[random.nextInt(4)];
            String email = "c" + random.nextInt(6) + "@example.com";
            if (random.nextInt(7) == 0) {
                ContactEvent contact = Events.interaction(id, channel);
                events.add(new ContactEvent(id, source, contact.type(), channel, contact.occurredAt(),
                        Events.customer(email), null, null, null, contact.interaction(), null, null));
                continue;
            }
            Metric metric = Metric.values()[random.nextInt(3)];
            Scale scale = metric == Metric.CES ? CES_SCALES[random.nextInt(CES_SCALES.length)] : null;
            Scale effective = scale == null ? metric.defaultScale() : scale;
            Integer score = random.nextInt(10) == 0 ? null
                    : effective.min() + random.nextInt(effective.max() - effective.min() + 1);
            ContactEvent event = Events.feedback(id, channel, email, metric, score, scale);
            events.add(new ContactEvent(id, source, event.type(), channel, event.occurredAt(), event.customer(),
                    null, null, null, null, event.feedback(), null));
        }
        return events;
    }

    static List<ContactEvent> withResends(List<ContactEvent> distinct, Random random) {
        List<ContactEvent> sent = new ArrayList<>(distinct);
        int resends = random.nextInt(distinct.size() + 1);
        for (int i = 0; i < resends; i++) {
            sent.add(distinct.get(random.nextInt(distinct.size())));
        }
        Collections.shuffle(sent, random);
        return sent;
    }

    static boolean countable(ContactEvent e) {
        return e.isFeedback() && e.feedback().score() != null;
    }

    static Map<String, Expected> oracle(List<ContactEvent> sent) {
        Map<String, ContactEvent> firstSeen = new LinkedHashMap<>();
        sent.forEach(e -> firstSeen.putIfAbsent(e.source() + "/" + e.eventId(), e));
        Map<String, Expected> byKey = new TreeMap<>();
        for (ContactEvent e : firstSeen.values()) {
            if (!countable(e)) {
                continue;
            }
            List<String> keys = new ArrayList<>(List.of("global:all:all"));
            if (e.channel() != null) {
                keys.add("channel:" + e.channel().name().toLowerCase() + ":all");
            }
            keys.forEach(k -> count(byKey.computeIfAbsent(k, x -> new Expected()), e));
        }
        return byKey;
    }

    static void count(Expected x, ContactEvent e) {
        int score = e.feedback().score();
        switch (e.feedback().metric()) {
            case NPS -> {
                if (score >= 9) {
                    x.promoters++;
                } else if (score >= 7) {
                    x.passives++;
                } else {
                    x.detractors++;
                }
            }
            case CES -> {
                Scale s = e.feedback().scale() == null ? Metric.CES.defaultScale() : e.feedback().scale();
                double range = s.max() - s.min();
                double ease = s.higherIsBetter() ? 100.0 * (score - s.min()) / range : 100.0 * (s.max() - score) / range;
                x.cesN++;
                x.easeSum += ease;
                x.highEffort += ease < 50.0 ? 1 : 0;
            }
            case CSAT -> {
                x.csatN++;
                x.satisfied += score >= 4 ? 1 : 0;
            }
        }
    }

    static void assertMatches(String key, Expected x, ScoreUpdated actual) {
        long npsN = x.promoters + x.passives + x.detractors;
        assertThat(actual.nps()).as(key).extracting(ScoreUpdated.Nps::promoters, ScoreUpdated.Nps::passives,
                ScoreUpdated.Nps::detractors, ScoreUpdated.Nps::n)
                .containsExactly(x.promoters, x.passives, x.detractors, npsN);
        assertClose(key + " nps", actual.nps().score(), npsN, 100.0 * (x.promoters - x.detractors) / npsN);
        assertThat(actual.ces().n()).as(key).isEqualTo(x.cesN);
        assertThat(actual.ces().highEffort()).as(key).isEqualTo(x.highEffort);
        assertClose(key + " ease", actual.ces().meanEase(), x.cesN, x.easeSum / x.cesN);
        assertClose(key + " high effort", actual.ces().highEffortShare(), x.cesN, 100.0 * x.highEffort / x.cesN);
        assertThat(actual.csat().n()).as(key).isEqualTo(x.csatN);
        assertThat(actual.csat().satisfied()).as(key).isEqualTo(x.satisfied);
        assertClose(key + " csat", actual.csat().percent(), x.csatN, 100.0 * x.satisfied / x.csatN);
    }

    static void assertClose(String what, Double actual, long n, double expected) {
        if (n == 0) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(ROUNDING));
        }
    }
}
