package io.omnipulse.e2e;

import io.restassured.path.json.JsonPath;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the pipeline must show, recomputed from the accepted input alone (no production code): NPS
 * counts overall, per channel and per customer, and interactions per customer. Every customer of
 * the load contacts one channel only, so an answer counts for that channel whichever interaction
 * scoring attributes it to.
 */
final class Oracle {

    /** NPS counts: promoters 9-10, passives 7-8, detractors 0-6. */
    record Nps(long n, long promoters, long passives, long detractors) {

        static final Nps NONE = new Nps(0, 0, 0, 0);

        static Nps of(JsonPath json) {
            return of(json, "nps");
        }

        static Nps of(JsonPath json, String path) {
            return new Nps(json.getLong(path + ".n"), json.getLong(path + ".promoters"), json.getLong(path + ".passives"),
                    json.getLong(path + ".detractors"));
        }

        Nps plus(int score) {
            return new Nps(n + 1, promoters + (score >= 9 ? 1 : 0), passives + (score == 7 || score == 8 ? 1 : 0),
                    detractors + (score <= 6 ? 1 : 0));
        }
    }

    private final int events;
    private Nps global = Nps.NONE;
    private final Map<String, Nps> channels = new HashMap<>();
    private final Map<Integer, Nps> customers = new HashMap<>();
    private final Map<Integer, Long> interactions = new HashMap<>();
    private final Set<Integer> seen = new TreeSet<>();

    Oracle(Collection<SteadyEventLoad.Sent> accepted) {
        this.events = accepted.size();
        for (SteadyEventLoad.Sent e : accepted) {
            seen.add(e.customer());
            if (e.feedback()) {
                global = global.plus(e.score());
                channels.merge(SteadyEventLoad.channel(e.customer()), Nps.NONE.plus(e.score()), Oracle::sum);
                customers.merge(e.customer(), Nps.NONE.plus(e.score()), Oracle::sum);
            } else {
                interactions.merge(e.customer(), 1L, Long::sum);
            }
        }
    }

    private static Nps sum(Nps a, Nps b) {
        return new Nps(a.n + b.n, a.promoters + b.promoters, a.passives + b.passives, a.detractors + b.detractors);
    }

    int events() {
        return events;
    }

    Nps global() {
        return global;
    }

    Nps channel(String channel) {
        return channels.getOrDefault(channel, Nps.NONE);
    }

    /** Every customer with at least one accepted event. */
    Set<Integer> customers() {
        return seen;
    }

    Nps customer(int customer) {
        return customers.getOrDefault(customer, Nps.NONE);
    }

    long interactions(int customer) {
        return interactions.getOrDefault(customer, 0L);
    }

    long totalInteractions() {
        return interactions.values().stream().mapToLong(Long::longValue).sum();
    }
}
