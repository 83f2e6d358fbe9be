package io.omnipulse.scoring.domain;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A dimension that scores are broken down by. Each scope knows which key an event belongs to and
 * what a valid key looks like. An event's channel, team and agent are those of the interaction it
 * was attributed to (see AttributeAndTrackEffort); its customer is the record key it arrived with.
 */
public enum Scope {

    /** Every response; the only key is {@code all}. */
    GLOBAL {
        @Override
        public String keyOf(String customerId, ContactEvent event) {
            return ALL;
        }

        @Override
        public String normaliseKey(String raw) {
            return ALL;
        }
    },

    /** Per channel; keys are channel names (email, chat, social, call). */
    CHANNEL {
        @Override
        public String keyOf(String customerId, ContactEvent event) {
            return event.channel() == null ? null : event.channel().wire();
        }

        @Override
        public String normaliseKey(String raw) {
            if (raw == null || raw.isBlank()) {
                throw new IllegalArgumentException("is required for scope channel; one of " + channels());
            }
            return Channel.fromWire(raw).wire();
        }
    },

    /** Per team that handled the rated interaction. */
    TEAM {
        @Override
        public String keyOf(String customerId, ContactEvent event) {
            return present(event.team());
        }

        @Override
        public String normaliseKey(String raw) {
            return required(raw, "team");
        }
    },

    /** Per agent (agentId) who handled the rated interaction. */
    AGENT {
        @Override
        public String keyOf(String customerId, ContactEvent event) {
            return present(event.agentId());
        }

        @Override
        public String normaliseKey(String raw) {
            return required(raw, "agent");
        }
    },

    /**
     * Per customer: the record key, the resolved customer id ("cus-..."). When customers merge, the
     * merged one's responses move to the survivor (see ScoringTopology).
     */
    CUSTOMER {
        @Override
        public String keyOf(String customerId, ContactEvent event) {
            return present(customerId);
        }

        @Override
        public String normaliseKey(String raw) {
            return required(raw, "customer");
        }
    },

    /**
     * Per team and channel, keyed {@code <channel>:<team>} (e.g. {@code call:billing}; the channel never
     * contains ':', so the team may): what channel consistency within a team compares.
     */
    TEAM_CHANNEL {
        @Override
        public String keyOf(String customerId, ContactEvent event) {
            String team = present(event.team());
            return team == null || event.channel() == null ? null : of(event.channel(), team);
        }

        @Override
        public String normaliseKey(String raw) {
            String key = required(raw, "team-channel");
            int at = key.indexOf(':');
            if (at < 0) {
                throw new IllegalArgumentException("is <channel>:<team> for scope team-channel, e.g. call:billing");
            }
            return of(Channel.fromWire(key.substring(0, at)), required(key.substring(at + 1), "team-channel"));
        }
    };

    /** The team-channel key of a team's channel. */
    public static String of(Channel channel, String team) {
        return channel.wire() + ':' + team;
    }

    public static final String ALL = "all";

    /** The key of this scope that the event counts towards, or null when it counts towards none. */
    public abstract String keyOf(String customerId, ContactEvent event);

    /** The canonical form of a key given by a caller; IllegalArgumentException says why it is invalid. */
    public abstract String normaliseKey(String raw);

    /** The scope's name on the wire and in stored keys, e.g. team-channel (computed once: every scope key formats it). */
    private final String wire = name().toLowerCase(Locale.ROOT).replace('_', '-');

    public String wire() {
        return wire;
    }

    /** The scope named {@code value} (case-insensitive); IllegalArgumentException lists the valid ones. */
    public static Scope fromWire(String value) {
        String wanted = value == null ? "" : value.trim();
        return Arrays.stream(values())
                .filter(s -> s.wire().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not one of " + allowed()));
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Scope::wire).collect(Collectors.joining(", "));
    }

    private static String present(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    private static String required(String raw, String scope) {
        String key = present(raw);
        if (key == null) {
            throw new IllegalArgumentException("is required for scope " + scope);
        }
        return key;
    }

    private static String channels() {
        return Arrays.stream(Channel.values()).map(Channel::wire).collect(Collectors.joining(", "));
    }
}
