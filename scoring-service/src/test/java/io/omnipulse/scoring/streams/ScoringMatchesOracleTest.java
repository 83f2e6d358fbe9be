package io.omnipulse.scoring.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.scoring.domain.DayBuckets;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomised, with fixed seeds so a failure is reproducible: 10,000+ events over five months with
 * re-sends, out-of-order arrivals within the grace and late ones beyond it, answers rating
 * conversations or not, and customer merges among them (chains, replays, events still keyed by a
 * merged id). Every score of every scope key and window, as published and as queried, equals an
 * oracle computed straight from the raw events with plain arithmetic and none of the production
 * code: replay in arrival order, first copy of each (source, eventId) only; the clock is the latest
 * occurredAt so far; an answer rates, among the interactions at or before it and at most 7 days
 * before it, its conversation's latest one, else the latest one, of everyone merged into its customer;
 * a response counts for the customer that the final merges make of it; windows are day ranges.
 *
 * <p>Some answers are sent before the interaction they rate (it is held back longer). What an answer
 * rates is decided by the interactions its customer has when it comes, and decided again whenever an
 * interaction that lies in its span (at most 7 days before it) comes later and is not late itself;
 * it counts where its last decision puts it, as if every interaction had come before it. At the end,
 * three quiet days pass by the wall clock: the windows that lost a day are published again, and every
 * published window still equals the oracle's for the day it is dated.
 */
@Tag("long-running")
class ScoringMatchesOracleTest {

    static final Scale[] CES_SCALES = {null, new Scale(1, 7, true), Events.CES_1_0, new Scale(0, 10, true)};
    static final String[] SOURCES = {"survey-tool", "helpdesk"};
    static final String[] TEAMS = {"billing", "sales", "tech", "care"};
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final long DAY = Duration.ofDays(1).toMillis();
    static final long GRACE = Duration.ofDays(7).toMillis();
    static final long HORIZON = Duration.ofDays(7).toMillis();
    static final long RETENTION = Duration.ofDays(30).toMillis();
    static final double ROUNDING = 0.05 + 1e-9;
    static final int EVENTS = 10_000;

    /** What the oracle expects for one scope key (and window). */
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

    record Sent(ContactEvent event, long arrival) {
    }

    /** An answer the oracle counted, and the interaction it rates by now (null: none). */
    static final class Answer {
        final ContactEvent event;
        final boolean late;
        final String customer;
        ContactEvent rated;

        Answer(ContactEvent event, boolean late, String customer, ContactEvent rated) {
            this.event = event;
            this.late = late;
            this.customer = customer;
            this.rated = rated;
        }
    }

    /**
     * One record in arrival order: an event keyed as identity resolution keyed it, or (event null) the
     * merge of the customer {@code key} into {@code survivor}.
     */
    record Step(String key, ContactEvent event, String survivor) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 42})
    void everyScoreOfEveryScopeAndWindowEqualsTheOracle(long seed) {
        Random random = new Random(seed);
        List<ContactEvent> sent = arrivalOrder(random);
        assertThat(sent).hasSizeGreaterThanOrEqualTo(EVENTS);

        ScoringDriver.Config config = new ScoringDriver.Config(Duration.ofDays(365), Duration.ofHours(1),
                Duration.ofMillis(GRACE), Duration.ofDays(365), Duration.ofMillis(HORIZON), Duration.ofMillis(RETENTION),
                100_000, Duration.ofDays(90), Duration.ofSeconds(2), 2);
        List<Step> steps = withMerges(sent, random);
        Oracle oracle = new Oracle(steps);
        assertThat(oracle.late).as("the data set has late answers").isGreaterThan(50);
        assertThat(oracle.duplicates).as("and re-sends").isGreaterThan(500);
        assertThat(oracle.merges).as("and merges").isGreaterThan(40);
        assertThat(oracle.chained).as("some of a customer that had absorbed another").isGreaterThan(5);
        assertThat(oracle.intoMerged).as("some into an id merged before").isGreaterThan(2);
        assertThat(oracle.replayedMerges).as("some sent twice").isGreaterThan(3);
        assertThat(oracle.staleKeys).as("and events keyed by a merged id").isGreaterThan(100);
        assertThat(oracle.reattributed).as("and answers that came before the interaction they rate").isGreaterThan(100);
        try (ScoringDriver scoring = new ScoringDriver(config, Events.T0)) {
            for (Step step : steps) {
                if (step.event() == null) {
                    scoring.merge(step.survivor(), step.key());
                } else {
                    scoring.send(step.key(), step.event());
                }
            }
            // Three quiet days after the last event, by the wall clock: the windows move on without it.
            Instant rolled = Instant.ofEpochMilli(oracle.clock).plus(Duration.ofDays(3));
            scoring.driver.advanceWallClockTime(Duration.between(Events.T0, rolled));
            Map<String, ScoreUpdated> published = scoring.latest();
            assertThat(published.values()).as("windows moved on with the day").anyMatch(u -> rolled.equals(u.updatedAt()));

            Set<String> expectedKeys = new HashSet<>();
            oracle.allTime.keySet().forEach(k -> Window.TRAILING.forEach(w -> expectedKeys.add(k + ":" + w.wire())));
            oracle.allTime.keySet().forEach(k -> expectedKeys.add(k + ":all"));
            // A merged customer that had responses publishes its windows once more, empty.
            oracle.emptied.forEach(id -> Window.TRAILING.forEach(w -> expectedKeys.add("customer:" + id + ":" + w.wire())));
            oracle.emptied.forEach(id -> expectedKeys.add("customer:" + id + ":all"));
            // So does a channel, team or agent that every answer counted for has left.
            oracle.vacated.forEach(k -> Arrays.stream(Window.values()).forEach(w -> expectedKeys.add(k + ":" + w.wire())));
            assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(expectedKeys);

            long endDay = Math.floorDiv(oracle.clock, DAY);
            oracle.allTime.forEach((key, all) -> {
                assertMatches(key + ":all", all, published.get(key + ":all"));
                String stored = key.replaceFirst(":", "|");
                assertThat(scoring.totals(stored).lateEvents()).as(key + " late").isEqualTo(oracle.lateByKey.getOrDefault(key, 0L));
                ScopeKey scope = ScopeKey.parse(stored);
                var queried = DayBuckets.trailing(endDay, d -> scoring.bucket(stored, d));
                for (Window window : Window.TRAILING) {
                    ScoreUpdated last = published.get(key + ":" + window.wire());
                    long publishedDay = Math.floorDiv(last.updatedAt().toEpochMilli(), DAY);
                    assertMatches(key + ":" + window.wire() + " published", oracle.window(key, publishedDay, window), last);
                    assertMatches(key + ":" + window.wire() + " queried", oracle.window(key, endDay, window),
                            queried.get(window).toScoreUpdated(scope, window.wire(), null));
                }
            });
            oracle.emptied.forEach(id -> {
                assertThat(scoring.totals("customer|" + id)).as(id + " merged away").isNull();
                for (Window window : Window.values()) {
                    assertMatches("customer:" + id + ":" + window.wire(), new Expected(),
                            published.get("customer:" + id + ":" + window.wire()));
                }
            });
            oracle.vacated.forEach(key -> {
                assertThat(scoring.totals(key.replaceFirst(":", "|"))).as(key + " left").isNull();
                for (Window window : Window.values()) {
                    assertMatches(key + ":" + window.wire(), new Expected(), published.get(key + ":" + window.wire()));
                }
            });
            assertThat(scoring.counter("omnipulse.scoring.merges.folded")).isEqualTo(oracle.merges);
            assertThat(scoring.counter("omnipulse.scoring.responses.late")).isEqualTo(oracle.late);
            assertThat(scoring.counter("omnipulse.scoring.responses.attributed")).as("attribution was exercised")
                    .isGreaterThan(1000);
            assertThat(scoring.counter("omnipulse.scoring.responses.reattributed")).isEqualTo(oracle.reattributed);
        }
    }

    /**
     * Events with an arrival delay (mostly minutes, some days, a few beyond the grace) and re-sends.
     * One interaction in four is rated by an answer given up to two days after it, and held back up
     * to three days longer than that answer, so the answer often comes first. At least {@link #EVENTS}
     * events besides those answers.
     */
    static List<ContactEvent> arrivalOrder(Random random) {
        List<Sent> sent = new ArrayList<>();
        int answersTo = 0;
        for (int i = 0; sent.size() - answersTo < EVENTS; i++) {
            ContactEvent event = randomEvent(random, i);
            long delay = randomDelay(random);
            if (event.type() == EventType.INTERACTION && random.nextInt(4) == 0) {
                ContactEvent answer = answerTo(event, random, i);
                long answerDelay = randomDelay(random);
                int before = sent.size();
                send(sent, answer, answer.occurredAt().toEpochMilli() + answerDelay, random);
                answersTo += sent.size() - before;
                delay = Math.max(delay, answer.occurredAt().toEpochMilli() - event.occurredAt().toEpochMilli()
                        + answerDelay + (long) (random.nextDouble() * 3 * DAY));
            }
            send(sent, event, event.occurredAt().toEpochMilli() + delay, random);
        }
        sent.sort(Comparator.comparingLong(Sent::arrival));
        return sent.stream().map(Sent::event).toList();
    }

    static long randomDelay(Random random) {
        int roll = random.nextInt(100);
        return roll < 90 ? random.nextInt(600_000) : roll < 97 ? (long) (random.nextDouble() * 6 * DAY)
                : (long) ((8 + random.nextDouble() * 20) * DAY);
    }

    /** One event arriving at {@code arrival}, and one in ten re-sent up to three days later. */
    static void send(List<Sent> sent, ContactEvent event, long arrival, Random random) {
        sent.add(new Sent(event, arrival));
        if (random.nextInt(10) == 0) {
            sent.add(new Sent(event, arrival + (long) (random.nextDouble() * 3 * DAY)));
        }
    }

    /** A survey answer about an interaction, given up to two days after it, naming its conversation or not. */
    static ContactEvent answerTo(ContactEvent interaction, Random random, int i) {
        Metric metric = Metric.values()[random.nextInt(3)];
        Scale scale = metric.defaultScale();
        Instant at = interaction.occurredAt().plusMillis(60_000 + (long) (random.nextDouble() * 2 * DAY));
        return new ContactEvent("a" + i, "survey-tool", EventType.FEEDBACK, Channel.EMAIL, at, interaction.customer(),
                null, null, null, null, new FeedbackDetails(metric, scale.min() + random.nextInt(scale.max() - scale.min() + 1),
                        null, null, random.nextBoolean() ? interaction.conversationId() : null), null);
    }

    /**
     * The events keyed as identity resolution would key them, with merges among them: each into a
     * random other customer (half the time named by an id that may have been merged before), half of
     * them of a customer that had absorbed others (chains), a few sent twice. An event is keyed by what
     * its customer has become, or (1 in 10, resolved before the merge was known) still by its own id.
     */
    static List<Step> withMerges(List<ContactEvent> sent, Random random) {
        Map<String, String> into = new HashMap<>();
        List<String> survivors = new ArrayList<>();
        List<Step> merges = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (ContactEvent event : sent) {
            if (random.nextInt(125) == 0) {
                String merged = root(into, survivors.isEmpty() || random.nextBoolean() ? idOf(random.nextInt(300))
                        : survivors.get(random.nextInt(survivors.size())));
                String named = idOf(random.nextInt(300));
                // Half the time named by the id it had, which may have been merged already (seen first).
                String survivor = random.nextBoolean() ? named : root(into, named);
                if (!merged.equals(root(into, survivor))) {
                    into.put(merged, survivor);
                    survivors.add(survivor);
                    merges.add(new Step(merged, null, survivor));
                    steps.add(merges.get(merges.size() - 1));
                }
            }
            if (!merges.isEmpty() && random.nextInt(1000) == 0) {
                steps.add(merges.get(random.nextInt(merges.size())));
            }
            String own = CustomerKeys.customerId(event.customer());
            steps.add(new Step(random.nextInt(10) == 0 ? own : root(into, own), event, null));
        }
        return steps;
    }

    static String idOf(int customer) {
        return CustomerKeys.customerId(Events.customer("c" + customer + "@example.com"));
    }

    /** What a customer id has become after the merges so far. */
    static String root(Map<String, String> into, String id) {
        String root = id;
        while (into.containsKey(root)) {
            root = into.get(root);
        }
        return root;
    }

    static ContactEvent randomEvent(Random random, int i) {
        String source = SOURCES[random.nextInt(SOURCES.length)];
        String email = "c" + random.nextInt(300) + "@example.com";
        Instant at = START.plusMillis((long) (random.nextDouble() * 150 * DAY));
        Channel channel = random.nextInt(20) == 0 ? null : Channel.values()[random.nextInt(4)];
        String team = random.nextInt(10) == 0 ? null : TEAMS[random.nextInt(TEAMS.length)];
        String agent = team == null ? null : team + "-" + random.nextInt(4);
        String conversation = "conv-" + email + "-" + random.nextInt(4);
        if (random.nextInt(5) < 2) {
            InteractionDetails details = new InteractionDetails(null, InteractionStatus.values()[random.nextInt(4)],
                    random.nextInt(900), 60, random.nextInt(3), null, null);
            return new ContactEvent("e" + i, source, EventType.INTERACTION, channel, at, Events.customer(email),
                    conversation, agent, team, details, null, null);
        }
        Metric metric = Metric.values()[random.nextInt(3)];
        Scale scale = metric == Metric.CES ? CES_SCALES[random.nextInt(CES_SCALES.length)] : null;
        Scale effective = scale == null ? metric.defaultScale() : scale;
        Integer score = random.nextInt(10) == 0 ? null
                : effective.min() + random.nextInt(effective.max() - effective.min() + 1);
        String rates = random.nextBoolean() ? conversation : null;
        return new ContactEvent("e" + i, source, EventType.FEEDBACK, channel, at, Events.customer(email), null,
                random.nextInt(3) == 0 ? agent : null, random.nextInt(3) == 0 ? team : null, null,
                new FeedbackDetails(metric, score, scale, null, rates), null);
    }

    /** The straightforward recomputation. */
    static final class Oracle {
        final Map<String, Expected> allTime = new TreeMap<>();
        final Map<String, Long> lateByKey = new HashMap<>();
        /** scope key -> day -> answers of that day that were not late. */
        final Map<String, Map<Long, List<ContactEvent>>> onTime = new HashMap<>();
        /** Merged customers that had responses when they were merged. */
        final Set<String> emptied = new TreeSet<>();
        /** Channel, team and agent keys that answers counted for once and none does in the end. */
        final Set<String> vacated = new TreeSet<>();
        long clock = Long.MIN_VALUE;
        long late;
        long duplicates;
        long merges;
        long chained;
        long intoMerged;
        long replayedMerges;
        long staleKeys;
        long reattributed;

        record Seen(ContactEvent event, int order) {
        }

        Oracle(List<Step> steps) {
            Map<String, String> finalInto = new HashMap<>();
            steps.stream().filter(s -> s.event() == null).forEach(s -> finalInto.putIfAbsent(s.key(), s.survivor()));
            Map<String, String> into = new HashMap<>();
            Map<String, Long> responses = new HashMap<>();
            Set<String> seen = new HashSet<>();
            Map<String, List<Seen>> interactions = new HashMap<>();
            Map<String, List<Answer>> pending = new HashMap<>();
            List<Answer> answers = new ArrayList<>();
            for (int order = 0; order < steps.size(); order++) {
                Step step = steps.get(order);
                if (step.event() == null) {
                    if (into.containsKey(step.key())) {
                        replayedMerges++;
                        continue;
                    }
                    String merged = step.key();
                    String survivor = root(into, step.survivor());
                    merges++;
                    chained += into.containsValue(merged) ? 1 : 0;
                    intoMerged += survivor.equals(step.survivor()) ? 0 : 1;
                    into.put(merged, step.survivor());
                    interactions.computeIfAbsent(survivor, c -> new ArrayList<>())
                            .addAll(interactions.getOrDefault(merged, List.of()));
                    interactions.remove(merged);
                    pending.computeIfAbsent(survivor, c -> new ArrayList<>()).addAll(pending.getOrDefault(merged, List.of()));
                    pending.remove(merged);
                    if (responses.getOrDefault(merged, 0L) > 0) {
                        emptied.add(merged);
                        responses.merge(survivor, responses.remove(merged), Long::sum);
                    }
                    continue;
                }
                staleKeys += into.containsKey(step.key()) ? 1 : 0;
                ContactEvent e = step.event();
                boolean answer = e.type() == EventType.FEEDBACK;
                if (answer && e.feedback().score() == null) {
                    continue;
                }
                if (!seen.add(e.source() + "/" + e.eventId())) {
                    duplicates++;
                    continue;
                }
                long at = e.occurredAt().toEpochMilli();
                boolean isLate = clock != Long.MIN_VALUE && at < clock - GRACE;
                clock = Math.max(clock, at);
                String customer = root(into, step.key());
                if (!answer) {
                    List<Seen> known = interactions.computeIfAbsent(customer, c -> new ArrayList<>());
                    known.add(new Seen(e, order));
                    if (!isLate) {
                        // Decide again for the answers this interaction may be about.
                        for (Answer a : pending.getOrDefault(customer, List.of())) {
                            long answered = a.event.occurredAt().toEpochMilli();
                            if (answered >= at && answered <= at + HORIZON) {
                                ContactEvent rated = rated(known, a.event);
                                reattributed += keys(a.event, a.rated).equals(keys(a.event, rated)) ? 0 : 1;
                                vacated.addAll(keys(a.event, rated));
                                a.rated = rated;
                            }
                        }
                    }
                    continue;
                }
                Answer counted = new Answer(e, isLate, customer, rated(interactions.getOrDefault(customer, List.of()), e));
                answers.add(counted);
                vacated.addAll(keys(e, counted.rated));
                if (!isLate) {
                    pending.computeIfAbsent(customer, c -> new ArrayList<>()).add(counted);
                }
                responses.merge(customer, 1L, Long::sum);
                late += isLate ? 1 : 0;
            }
            for (Answer a : answers) {
                ContactEvent e = a.event;
                List<String> keys = new ArrayList<>(List.of("global:all", "customer:" + root(finalInto, a.customer)));
                keys.addAll(keys(e, a.rated));
                for (String key : keys) {
                    count(allTime.computeIfAbsent(key, k -> new Expected()), e);
                    if (a.late) {
                        lateByKey.merge(key, 1L, Long::sum);
                    } else {
                        onTime.computeIfAbsent(key, k -> new HashMap<>())
                                .computeIfAbsent(Math.floorDiv(e.occurredAt().toEpochMilli(), DAY), d -> new ArrayList<>())
                                .add(e);
                    }
                }
            }
            vacated.removeAll(allTime.keySet());
        }

        /** The channel, team, agent and team-channel keys an answer counts for when it rates {@code rated}. */
        static List<String> keys(ContactEvent answer, ContactEvent rated) {
            Channel channel = rated == null ? answer.channel() : rated.channel();
            String team = rated == null ? answer.team() : rated.team();
            String agent = rated == null ? answer.agentId() : rated.agentId();
            List<String> keys = new ArrayList<>();
            if (channel != null) {
                    keys.add("channel:" + channel.wire());
                }
                if (team != null) {
                    keys.add("team:" + team);
                }
                if (team != null && channel != null) {
                    keys.add("team-channel:" + channel.wire() + ":" + team);
                }
                if (agent != null) {
                    keys.add("agent:" + agent);
                }
            return keys;
        }

        /**
         * Among the interactions within the retention of the customer's newest, at or before the answer and
         * at most the horizon before it: the latest of its conversation, else the latest.
         */
        static ContactEvent rated(List<Seen> all, ContactEvent answer) {
            long newest = all.stream().mapToLong(s -> s.event().occurredAt().toEpochMilli()).max().orElse(0);
            long at = answer.occurredAt().toEpochMilli();
            List<Seen> span = all.stream().filter(s -> {
                        long t = s.event().occurredAt().toEpochMilli();
                        return t >= newest - RETENTION && t <= at && t >= at - HORIZON;
                    }).toList();
            Comparator<Seen> latest = Comparator.<Seen>comparingLong(s -> s.event().occurredAt().toEpochMilli())
                    .thenComparingInt(Seen::order);
            String conversation = answer.feedback().ratesConversationId();
            return span.stream().filter(s -> s.event().conversationId().equals(conversation)).max(latest)
                    .or(() -> span.stream().max(latest)).map(Seen::event).orElse(null);
        }

        Expected window(String key, long endDay, Window window) {
            Expected sum = new Expected();
            onTime.getOrDefault(key, Map.of()).forEach((day, answers) -> {
                if (day <= endDay && day > endDay - window.days()) {
                    answers.forEach(a -> count(sum, a));
                }
            });
            return sum;
        }
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
