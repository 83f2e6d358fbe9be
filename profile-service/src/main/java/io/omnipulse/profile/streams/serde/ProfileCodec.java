package io.omnipulse.profile.streams.serde;

import static io.omnipulse.streamsupport.binary.ContactEventCodec.CHANNELS;
import static io.omnipulse.streamsupport.binary.ContactEventCodec.METRICS;
import static io.omnipulse.streamsupport.binary.ContactEventCodec.STATUSES;
import static io.omnipulse.streamsupport.binary.ContactEventCodec.TYPES;

import io.omnipulse.profile.domain.ChannelUsage;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.JourneyEntry;
import io.omnipulse.profile.domain.RecentEventKeys;
import io.omnipulse.profile.domain.SurveyAnswer;
import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.streamsupport.binary.ContactEventCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link CustomerProfile} inside the profile store's records and Absorb loop messages: read and
 * written once per folded event, so its JSON was a large share of the stream thread's CPU.
 *
 * <p>Layout: presence byte, customerId, identifiers (count + 1, per type its name and values),
 * channels (count + 1, per channel its name and usage: presence byte, count, first and last contact),
 * firstContact, lastContact, interactionCount, feedbackCount, conversations, latest NPS, CES and CSAT
 * answers (presence byte, score, scale, comment, occurredAt, channel, eventId), journey (count + 1,
 * per entry its fields in declaration order), recentEventKeys (count + 1, then each hash in 8 bytes).
 * Enums as {@link ContactEventCodec} codes them. No version of its own: a change is a new version of
 * every format that nests it.
 */
final class ProfileCodec {

    private ProfileCodec() {
    }

    static void write(BinaryWriter out, CustomerProfile profile) {
        if (profile == null) {
            out.u8(0);
            return;
        }
        out.u8(1).string(profile.customerId());
        identifiers(out, profile.identifiers());
        channels(out, profile.channels());
        out.instant(profile.firstContact()).instant(profile.lastContact()).i64(profile.interactionCount())
                .i64(profile.feedbackCount()).strings(profile.conversations());
        answer(out, profile.latestNps());
        answer(out, profile.latestCes());
        answer(out, profile.latestCsat());
        journey(out, profile.journey());
        recentEventKeys(out, profile.recentEventKeys());
    }

    static CustomerProfile read(BinaryReader in) {
        return in.bool()
                ? new CustomerProfile(in.string(), identifiers(in), channels(in), in.instant(), in.instant(), in.i64(),
                        in.i64(), in.strings(), answer(in), answer(in), answer(in), journey(in), recentEventKeys(in))
                : null;
    }

    private static void recentEventKeys(BinaryWriter out, RecentEventKeys keys) {
        out.varint(keys.size() + 1);
        for (int i = 0; i < keys.size(); i++) {
            out.i64(keys.get(i));
        }
    }

    private static RecentEventKeys recentEventKeys(BinaryReader in) {
        return RecentEventKeys.read(in.count(), in::i64);
    }

    private static void identifiers(BinaryWriter out, Map<String, List<String>> identifiers) {
        out.varint(identifiers.size() + 1);
        identifiers.forEach((type, values) -> out.string(type).strings(values));
    }

    private static Map<String, List<String>> identifiers(BinaryReader in) {
        int count = in.count();
        Map<String, List<String>> identifiers = count < 0 ? null : new TreeMap<>();
        for (int i = 0; i < count; i++) {
            identifiers.put(in.string(), in.strings());
        }
        return identifiers;
    }

    private static void channels(BinaryWriter out, Map<String, ChannelUsage> channels) {
        out.varint(channels.size() + 1);
        channels.forEach((channel, usage) -> {
            out.string(channel);
            if (usage == null) {
                out.u8(0);
            } else {
                out.u8(1).i64(usage.count()).instant(usage.firstContact()).instant(usage.lastContact());
            }
        });
    }

    private static Map<String, ChannelUsage> channels(BinaryReader in) {
        int count = in.count();
        Map<String, ChannelUsage> channels = count < 0 ? null : new TreeMap<>();
        for (int i = 0; i < count; i++) {
            channels.put(in.string(), in.bool() ? new ChannelUsage(in.i64(), in.instant(), in.instant()) : null);
        }
        return channels;
    }

    private static void answer(BinaryWriter out, SurveyAnswer answer) {
        if (answer == null) {
            out.u8(0);
            return;
        }
        out.u8(1).i32(answer.score());
        ContactEventCodec.scale(out, answer.scale());
        out.string(answer.comment()).instant(answer.occurredAt());
        CHANNELS.write(out, answer.channel());
        out.string(answer.eventId());
    }

    private static SurveyAnswer answer(BinaryReader in) {
        return in.bool()
                ? new SurveyAnswer(in.i32(), ContactEventCodec.scale(in), in.string(), in.instant(), CHANNELS.read(in),
                        in.string())
                : null;
    }

    private static void journey(BinaryWriter out, List<JourneyEntry> journey) {
        out.varint(journey.size() + 1);
        for (JourneyEntry entry : journey) {
            out.string(entry.eventId()).string(entry.source()).instant(entry.occurredAt());
            CHANNELS.write(out, entry.channel());
            TYPES.write(out, entry.type());
            out.string(entry.conversationId()).string(entry.agentId()).string(entry.team());
            STATUSES.write(out, entry.status());
            METRICS.write(out, entry.metric());
            out.nullableI32(entry.score()).string(entry.summary());
        }
    }

    private static List<JourneyEntry> journey(BinaryReader in) {
        int count = in.count();
        List<JourneyEntry> journey = count < 0 ? null : new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            journey.add(new JourneyEntry(in.string(), in.string(), in.instant(), CHANNELS.read(in), TYPES.read(in),
                    in.string(), in.string(), in.string(), STATUSES.read(in), METRICS.read(in), in.nullableI32(),
                    in.string()));
        }
        return journey;
    }
}
