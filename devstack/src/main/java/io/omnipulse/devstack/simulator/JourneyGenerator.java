package io.omnipulse.devstack.simulator;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates realistic customer journeys: one issue handled over one to four contacts on
 * several channels, then survey answers. A hidden effort level drives both the behaviour (repeat
 * contacts, transfers, waits) and the answers, so high-effort journeys produce detractors and low
 * CES, as the research in cx-domain.md describes.
 */
public final class JourneyGenerator {

    static final String SOURCE = "omnipulse-simulator";
    private static final String[] CHANNELS = {"email", "call", "chat", "social"};

    private final Random random;
    private final List<SimulatedCustomer> customers = new ArrayList<>();
    private long sequence;

    public JourneyGenerator(long seed, int population) {
        this.random = new Random(seed);
        for (int i = 1; i <= population; i++) {
            customers.add(SimulatedCustomer.create(i, random));
        }
    }

    /** One journey's events in event-time order, ending around {@code now}. */
    public List<ContactEvent> nextJourney(Instant now) {
        SimulatedCustomer customer = customers.get(random.nextInt(customers.size()));
        double effort = Math.pow(random.nextDouble(), 3); // most journeys are easy, a tail is hard
        int contacts = 1 + (int) Math.round(effort * 3);
        String conversation = "SIM-" + (++sequence);
        Instant at = now.minus(Duration.ofMinutes(7L * contacts + random.nextInt(10))); // ends before now
        List<ContactEvent> events = new ArrayList<>();
        String channel = CHANNELS[random.nextInt(customer.handle() == null ? 3 : 4)];
        for (int i = 0; i < contacts; i++) {
            boolean last = i == contacts - 1;
            events.add(interaction(customer, channel, conversation, at, effort, last));
            at = at.plus(Duration.ofMinutes(2 + random.nextInt(5)));
            channel = CHANNELS[random.nextInt(3)]; // customers switch channel when not helped
        }
        if (random.nextDouble() < 0.7) {
            events.add(feedback(customer, conversation, at, Metric.NPS, npsFor(effort), null));
        }
        if (random.nextDouble() < 0.5) {
            boolean ces1 = random.nextDouble() < 0.2;
            Scale scale = ces1 ? new Scale(1, 5, false) : null;
            int ease = (int) Math.round((1 - effort) * 6);
            int score = ces1 ? 5 - (int) Math.round((1 - effort) * 4) : 1 + ease;
            events.add(feedback(customer, conversation, at.plusSeconds(5), Metric.CES, score, scale));
        }
        if (random.nextDouble() < 0.4) {
            events.add(feedback(customer, conversation, at.plusSeconds(10), Metric.CSAT,
                    clamp(5 - (int) Math.round(effort * 4 + random.nextGaussian() * 0.5), 1, 5), null));
        }
        return events;
    }

    private ContactEvent interaction(SimulatedCustomer c, String channel, String conversation, Instant at,
                                     double effort, boolean last) {
        int transfers = "call".equals(channel) ? (int) Math.round(effort * random.nextDouble() * 3) : 0;
        int wait = (int) (effort * 900 * random.nextDouble()) + random.nextInt(30);
        InteractionStatus status = last && effort < 0.8 ? InteractionStatus.RESOLVED
                : "call".equals(channel) && effort > 0.85 ? InteractionStatus.ABANDONED : InteractionStatus.OPEN;
        InteractionDetails details = new InteractionDetails(Direction.INBOUND, status, wait, 60 + random.nextInt(600),
                transfers, "Issue " + conversation, null);
        return new ContactEvent(nextId(), SOURCE, EventType.INTERACTION, Channel.fromWire(channel), at,
                c.on(channel, random), conversation, agent(c), c.team(), details, null, null);
    }

    /** Surveys go out by e-mail; the answer rates the conversation, whatever channel it ended on. */
    private ContactEvent feedback(SimulatedCustomer c, String conversation, Instant at, Metric metric,
                                  Integer score, Scale scale) {
        Integer answer = random.nextDouble() < 0.05 ? null : score; // some skip the question
        String comment = answer != null && metric == Metric.NPS && answer <= 6
                ? "I had to contact you several times about the same issue." : null;
        return new ContactEvent(nextId(), SOURCE, EventType.FEEDBACK, Channel.EMAIL, at,
                c.on("email", random),
                null, agent(c), c.team(), null, new FeedbackDetails(metric, answer, scale, comment, conversation), null);
    }

    private int npsFor(double effort) {
        return clamp((int) Math.round(10 - effort * 9 + random.nextGaussian()), 0, 10);
    }

    private String agent(SimulatedCustomer c) {
        return c.team().charAt(0) + "-" + (1 + random.nextInt(5));
    }

    private String nextId() {
        return "sim-" + (++sequence) + "-" + Long.toHexString(random.nextLong() & 0xffffffL);
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}
