package io.omnipulse.scoring.domain;

import io.omnipulse.events.Channel;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.scoring.config.EffortConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The behavioural effort index of one customer, 0 (effortless) .. 100, from their interactions
 * alone. Pure: the same interactions always give the same index, whatever order they arrived in.
 *
 * <p>Only interactions within {@code horizon} (default 7 days) before the customer's latest one
 * count. Each signal adds points (defaults in brackets, all configurable in {@link EffortConfig});
 * the index is the sum, capped at 100. Every signal present becomes a driver in words; the signals that
 * gave points (all present ones, unless a weight is 0) are also named as {@link EffortSignal}s, which
 * is what the per team and channel aggregates count.
 * <table>
 * <caption>Signals, points and drivers</caption>
 * <tr><th>Signal</th><th>Points</th><th>Driver</th></tr>
 * <tr><td>{@link EffortSignal#REPEAT_CONTACTS Repeat contacts}: k = the most contacts within any
 *     repeat window (48 h), or on one conversation, whichever is larger</td><td>repeat (15) x (k - 1)</td>
 *     <td>"3 contacts in 48 h" / "4 contacts on one conversation"</td></tr>
 * <tr><td>{@link EffortSignal#CHANNEL_SWITCHES Channel switch}: a contact on another channel than the
 *     previous one, which was not resolved, on the same conversation or within the repeat window</td>
 *     <td>switch (15) each</td><td>"email then call"</td></tr>
 * <tr><td>{@link EffortSignal#TRANSFERS Transfers}: the transfers of each contact (at least 1 when its
 *     status is transferred)</td><td>transfer (10) each</td><td>"2 transfers"</td></tr>
 * <tr><td>{@link EffortSignal#LONG_WAITS Long wait}: a contact whose wait was at least long-wait (10 min)</td>
 *     <td>long-wait (10) each</td><td>"waited 14 min" / "waited up to 14 min, 3 times"</td></tr>
 * <tr><td>{@link EffortSignal#ABANDONED_CONTACTS Abandoned contact}</td><td>abandoned (15) each</td>
 *     <td>"call abandoned" / "2 calls abandoned"</td></tr>
 * <tr><td>{@link EffortSignal#REOPENED_CONVERSATIONS Reopened}: a contact on a conversation after a
 *     resolved contact on it</td><td>reopened (20) each</td>
 *     <td>"conversation reopened" / "conversations reopened 2 times"</td></tr>
 * </table>
 * Example with the defaults: email (open), call 20 hours later waiting 14 minutes, transferred twice:
 * 15 (2 contacts in 48 h) + 15 (email then call) + 20 (2 transfers) + 10 (waited 14 min) = 60.
 */
public final class EffortFormula {

    /** An index, the drivers that made it (in the order of the table above) and the signals that gave points. */
    public record Result(int index, List<String> drivers, Set<EffortSignal> signals) {
        public static final Result NONE = new Result(0, List.of(), Set.of());

        public Result {
            drivers = List.copyOf(drivers);
            signals = EffortSignal.copyOf(signals);
        }
    }

    private final EffortConfig config;

    public EffortFormula(EffortConfig config) {
        this.config = config;
    }

    /** The index of a customer whose recent interactions, in event-time order, are {@code history}. */
    public Result of(List<InteractionRef> history) {
        if (history.isEmpty()) {
            return Result.NONE;
        }
        long latest = history.get(history.size() - 1).at();
        List<InteractionRef> recent = history.stream().filter(i -> i.at() >= latest - config.horizon().toMillis())
                .toList();
        List<String> drivers = new ArrayList<>();
        Set<EffortSignal> signals = EnumSet.noneOf(EffortSignal.class);
        int points = scored(EffortSignal.REPEAT_CONTACTS, repeats(recent, drivers), signals)
                + scored(EffortSignal.CHANNEL_SWITCHES, switches(recent, drivers), signals)
                + scored(EffortSignal.TRANSFERS, transfers(recent, drivers), signals)
                + scored(EffortSignal.LONG_WAITS, waits(recent, drivers), signals)
                + scored(EffortSignal.ABANDONED_CONTACTS, abandoned(recent, drivers), signals)
                + scored(EffortSignal.REOPENED_CONVERSATIONS, reopened(recent, drivers), signals);
        return new Result(Math.min(100, points), drivers, signals);
    }

    /** {@code points} of one signal; the signal counts as a driver of the index only when they are some. */
    private static int scored(EffortSignal signal, int points, Set<EffortSignal> signals) {
        if (points > 0) {
            signals.add(signal);
        }
        return points;
    }

    private int repeats(List<InteractionRef> recent, List<String> drivers) {
        long window = config.repeatWindow().toMillis();
        int inWindow = 0;
        for (int first = 0, last = 0; last < recent.size(); last++) {
            while (recent.get(last).at() - recent.get(first).at() > window) {
                first++;
            }
            inWindow = Math.max(inWindow, last - first + 1);
        }
        Map<String, Integer> perConversation = new HashMap<>();
        recent.stream().filter(i -> i.conversationId() != null)
                .forEach(i -> perConversation.merge(i.conversationId(), 1, Integer::sum));
        int onOne = perConversation.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int contacts = Math.max(inWindow, onOne);
        if (contacts < 2) {
            return 0;
        }
        drivers.add(inWindow >= onOne ? contacts + " contacts in " + hours(window) + " h"
                : contacts + " contacts on one conversation");
        return config.repeatPoints() * (contacts - 1);
    }

    private int switches(List<InteractionRef> recent, List<String> drivers) {
        Set<String> seen = new LinkedHashSet<>();
        int count = 0;
        for (int i = 1; i < recent.size(); i++) {
            InteractionRef before = recent.get(i - 1);
            InteractionRef after = recent.get(i);
            boolean related = (before.conversationId() != null && before.conversationId().equals(after.conversationId()))
                    || after.at() - before.at() <= config.repeatWindow().toMillis();
            if (before.channel() != null && after.channel() != null && before.channel() != after.channel()
                    && before.status() != InteractionStatus.RESOLVED && related) {
                count++;
                seen.add(before.channel().wire() + " then " + after.channel().wire());
            }
        }
        drivers.addAll(seen);
        return config.switchPoints() * count;
    }

    private int transfers(List<InteractionRef> recent, List<String> drivers) {
        int count = recent.stream().mapToInt(i -> Math.max(i.transfers(),
                i.status() == InteractionStatus.TRANSFERRED ? 1 : 0)).sum();
        if (count > 0) {
            drivers.add(count == 1 ? "1 transfer" : count + " transfers");
        }
        return config.transferPoints() * count;
    }

    private int waits(List<InteractionRef> recent, List<String> drivers) {
        long threshold = config.longWait().toSeconds();
        List<InteractionRef> longWaits = recent.stream().filter(i -> i.waitSeconds() >= threshold).toList();
        if (longWaits.isEmpty()) {
            return 0;
        }
        int longest = longWaits.stream().mapToInt(InteractionRef::waitSeconds).max().orElseThrow() / 60;
        drivers.add(longWaits.size() == 1 ? "waited " + longest + " min"
                : "waited up to " + longest + " min, " + longWaits.size() + " times");
        return config.longWaitPoints() * longWaits.size();
    }

    private int abandoned(List<InteractionRef> recent, List<String> drivers) {
        Map<String, Integer> byChannel = new LinkedHashMap<>();
        recent.stream().filter(i -> i.status() == InteractionStatus.ABANDONED)
                .forEach(i -> byChannel.merge(channelName(i.channel()), 1, Integer::sum));
        byChannel.forEach((channel, n) -> drivers.add(n == 1 ? channel + " abandoned" : n + " " + channel + "s abandoned"));
        return config.abandonedPoints() * byChannel.values().stream().mapToInt(Integer::intValue).sum();
    }

    private int reopened(List<InteractionRef> recent, List<String> drivers) {
        Set<String> resolved = new java.util.HashSet<>();
        int count = 0;
        for (InteractionRef i : recent) {
            String conversation = i.conversationId();
            if (conversation == null) {
                continue;
            }
            // A contact after a resolution reopens the conversation, whatever its own status.
            if (resolved.remove(conversation)) {
                count++;
            }
            if (i.status() == InteractionStatus.RESOLVED) {
                resolved.add(conversation);
            }
        }
        if (count > 0) {
            drivers.add(count == 1 ? "conversation reopened" : "conversations reopened " + count + " times");
        }
        return config.reopenedPoints() * count;
    }

    private static String channelName(Channel channel) {
        return channel == null ? "contact" : channel.wire();
    }

    private static long hours(long millis) {
        return millis / 3_600_000L;
    }
}
