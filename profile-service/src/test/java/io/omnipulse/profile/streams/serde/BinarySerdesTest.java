package io.omnipulse.profile.streams.serde;

import static io.omnipulse.profile.TestEvents.annByEmail;
import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.feedback;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.Direction;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.InteractionDetails;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.events.Scale;
import io.omnipulse.events.serde.JsonSerde;
import io.omnipulse.profile.domain.ChannelUsage;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.CustomerRecord;
import io.omnipulse.profile.domain.IdentityNode;
import io.omnipulse.profile.domain.IdentityRules;
import io.omnipulse.profile.domain.JourneyEntry;
import io.omnipulse.profile.domain.Label;
import io.omnipulse.profile.domain.Offer;
import io.omnipulse.profile.domain.ProfileFolder;
import io.omnipulse.profile.domain.ProfileLimits;
import io.omnipulse.profile.domain.Reach;
import io.omnipulse.profile.domain.RecentEventKeys;
import io.omnipulse.profile.domain.SurveyAnswer;
import io.omnipulse.profile.streams.LoopMessage.Gathered;
import io.omnipulse.profile.streams.LoopMessage;
import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.streamsupport.binary.ContactEventCodec;
import io.omnipulse.streamsupport.binary.EnumCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class BinarySerdesTest {

    static final ContactEvent EVENT = interaction("mail-1", Channel.EMAIL, at(1), annByEmail());
    static final ContactEvent SURVEY = feedback("nps-1", Channel.CHAT, at(2), annByEmail(), Metric.NPS, 9, "ok – très bien");
    static final Instant NANOS = Instant.parse("2025-03-03T09:00:00.123456789Z");
    static final Label CRM = new Label(NANOS, 0, "crm-1", "C-1");
    static final Label OLDEST = new Label(at(0), 1, "e-ann", null);
    static final Offer OFFER = new Offer(new Reach(CRM, 2), new Reach(OLDEST, 3));
    static final LoopMessage.Cause CAUSE = new LoopMessage.Cause("test-crm", "mail-1",
            List.of("email:ann@example.com", "phone:+442079460000"), NANOS);
    /** Two identifiers answered, one of them shared. */
    static final Gathered GATHERED = Gathered.NOTHING.with("email:ann@example.com", CRM, false)
            .with("phone:+442079460000", OLDEST, true);
    static final CustomersMerged MERGE = new CustomersMerged("survivor", "merged", "test-crm", "mail-1",
            List.of("email:ann@example.com"), at(1), NANOS);
    static final CustomerProfile PROFILE = new ProfileFolder(ProfileLimits.DEFAULTS).fold("c-1",
            new ProfileFolder(ProfileLimits.DEFAULTS).fold("c-1", null, EVENT), SURVEY);

    /** Messages of every kind, with and without their optional fields. */
    static List<LoopMessage> everyKind() {
        return List.of(
                new LoopMessage.Claim(EVENT, CAUSE, null, 1),
                new LoopMessage.Claim(EVENT, CAUSE, GATHERED, 2),
                new LoopMessage.Offered("email:ann@example.com", OFFER, CAUSE, 7),
                new LoopMessage.Offered("email:ann@example.com", new Offer(null, new Reach(OLDEST, 0)), CAUSE, 2),
                new LoopMessage.Withdrawn("phone:+442079460000", CAUSE, 3),
                new LoopMessage.Fold(SURVEY, 3),
                new LoopMessage.Fold(EVENT, 0),
                new LoopMessage.MergedInto(MERGE, 4),
                new LoopMessage.Absorb(PROFILE, MERGE, 5),
                new LoopMessage.Absorb(null, MERGE, 5),
                new LoopMessage.Repoint(MERGE, "c-2", 6),
                new LoopMessage.Repoint(MERGE, null, 6),
                new LoopMessage.Revive(CAUSE, "email:ann@example.com", OLDEST, 128),
                new LoopMessage.Revive(CAUSE, "email:ann@example.com", null, 300),
                new LoopMessage.Erase(new LoopMessage.Erasure(ERASURE, List.of("email:ann@example.com",
                        "cus-0123456789abcdef"), 0), 1),
                new LoopMessage.Forget(new LoopMessage.Erasure(ERASURE, List.of(), 4), 1));
    }

    private static final ErasureRequested ERASURE = new ErasureRequested("er-1", "cus-0123456789abcdef",
            Instant.parse("2026-11-29T12:00:00Z"), "admin@example.com");

    @Test
    void everyKindOfLoopMessageReadsBackEqual() {
        LoopMessageSerde serde = new LoopMessageSerde();
        assertThat(everyKind().stream().<Class<?>>map(LoopMessage::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(kinds(LoopMessage.class));
        for (LoopMessage m : everyKind()) {
            assertThat(roundTrip(serde, m)).as(m.getClass().getSimpleName()).isEqualTo(m);
        }
    }

    @Test
    void aLoopMessageIsMuchSmallerThanItsJson() {
        LoopMessage offer = everyKind().get(2);
        byte[] binary = new LoopMessageSerde().serialize("loop", offer);
        byte[] json = new JsonSerde<>(LoopMessage.Offered.class).serialize("loop", (LoopMessage.Offered) offer);
        assertThat(binary.length).isLessThan(json.length / 2);
    }

    @Test
    void everyFormatStartsWithItsVersionByte() {
        assertThat(new LoopMessageSerde().serialize("t", everyKind().get(0))[0]).isEqualTo((byte) 3);
        assertThat(new IdentityNodeSerde().serialize("t", IdentityNode.empty())[0]).isEqualTo((byte) 1);
        assertThat(new CustomerRecordSerde().serialize("t", CustomerRecord.merged(MERGE, true))[0]).isEqualTo((byte) 2);
    }

    @Test
    void anUnknownVersionIsRefusedWithAClearError() {
        Map<Serde<?>, Object> values = Map.of(new LoopMessageSerde(), everyKind().get(1),
                new IdentityNodeSerde(), IdentityNode.empty(),
                new CustomerRecordSerde(), CustomerRecord.merged(MERGE, true));
        values.forEach((serde, value) -> {
            @SuppressWarnings("unchecked")
            Serde<Object> s = (Serde<Object>) serde;
            byte[] bytes = s.serializer().serialize("t", value);
            bytes[0] = 9;
            assertThatThrownBy(() -> s.deserializer().deserialize("t", bytes))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("unknown")
                    .hasMessageContaining("version 9");
            assertThatThrownBy(() -> s.deserializer().deserialize("t", new byte[] {0, 0, 0, 0}))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("version 0");
            assertThatThrownBy(() -> s.deserializer().deserialize("t", new byte[0]))
                    .isInstanceOf(SerializationException.class);
        });
    }

    @Test
    void aRecordCutShortOrWithBytesLeftOverIsRefused() {
        LoopMessageSerde serde = new LoopMessageSerde();
        for (LoopMessage m : everyKind()) {
            byte[] bytes = serde.serialize("t", m);
            assertThatThrownBy(() -> serde.deserialize("t", Arrays.copyOf(bytes, bytes.length - 1)))
                    .as(m.getClass().getSimpleName()).isInstanceOf(SerializationException.class);
            assertThatThrownBy(() -> serde.deserialize("t", Arrays.copyOf(bytes, bytes.length + 1)))
                    .as(m.getClass().getSimpleName()).isInstanceOf(SerializationException.class);
        }
        byte[] unknownKind = serde.serialize("t", everyKind().get(1));
        unknownKind[1] = 99;
        assertThatThrownBy(() -> serde.deserialize("t", unknownKind)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("kind 99");
    }

    /** Each kind carries its own fields: one that lacks a field it needs, or has one it does not carry, is refused. */
    @Test
    void aKindWithoutTheFieldsItNeedsOrWithFieldsItDoesNotCarryIsRefused() {
        LoopMessageSerde serde = new LoopMessageSerde();
        byte[] absorb = serde.serialize("t", new LoopMessage.Absorb(PROFILE, MERGE, 5));
        byte[] mergedIntoWithAProfile = absorb.clone();
        mergedIntoWithAProfile[1] = 6;
        assertThatThrownBy(() -> serde.deserialize("t", mergedIntoWithAProfile))
                .isInstanceOf(SerializationException.class).hasMessageContaining("does not carry a profile");

        byte[] mergedInto = serde.serialize("t", new LoopMessage.MergedInto(MERGE, 4));
        for (byte needsMore : new byte[] {1, 2, 3, 5, 9, 10, 11}) {
            byte[] bytes = mergedInto.clone();
            bytes[1] = needsMore;
            assertThatThrownBy(() -> serde.deserialize("t", bytes)).as("kind " + needsMore)
                    .isInstanceOf(SerializationException.class);
        }
        assertThat(serde.deserialize("t", mergedInto)).isEqualTo(new LoopMessage.MergedInto(MERGE, 4));
    }

    /** The records of a sealed interface and of the sealed interfaces under it. */
    private static Set<Class<?>> kinds(Class<?> sealed) {
        Set<Class<?>> kinds = new HashSet<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                kinds.addAll(kinds(permitted));
            } else {
                kinds.add(permitted);
            }
        }
        return kinds;
    }

    /**
     * Earlier formats were written to the loop topic's first version only, whose records sit on other
     * partitions: none reaches this reader, and one that did is refused, as are the retired kinds.
     */
    @Test
    void theFormatsAndKindsOfTheFirstLoopTopicAreRefused() {
        LoopMessageSerde serde = new LoopMessageSerde();
        byte[] json = new JsonSerde<>(LoopMessage.Claim.class).serialize("t", (LoopMessage.Claim) everyKind().get(0));
        assertThatThrownBy(() -> serde.deserialize("t", json)).isInstanceOf(SerializationException.class);
        for (byte version : new byte[] {1, 2}) {
            byte[] older = serde.serialize("t", everyKind().get(0));
            older[0] = version;
            assertThatThrownBy(() -> serde.deserialize("t", older)).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("version " + version);
        }
        for (byte retired : new byte[] {0, 4}) {
            byte[] bytes = serde.serialize("t", everyKind().get(0));
            bytes[1] = retired;
            assertThatThrownBy(() -> serde.deserialize("t", bytes)).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("kind " + retired);
        }
    }

    @Test
    void identityNodesReadBackEqual() {
        IdentityNodeSerde serde = new IdentityNodeSerde();
        IdentityNode settled = new IdentityNode(CRM, NANOS, List.of("email:a@x.com", "phone:+44"), List.of("crm:C-1"),
                false, new TreeMap<>(Map.of("email:a@x.com", OFFER, "phone:+44", new Offer(null, new Reach(OLDEST, 1)))));
        IdentityNode shared = new IdentityNode(OLDEST, at(0), null, List.of("crm:C-1", "crm:C-2"), true, null);
        for (IdentityNode node : List.of(IdentityNode.empty(), settled, shared,
                IdentityNode.empty().claim("email:ann@example.com", List.of("crm:C-1", "email:ann@example.com"), at(3),
                        IdentityRules.DEFAULTS).node())) {
            assertThat(roundTrip(serde, node)).isEqualTo(node);
        }
    }

    @Test
    void customerRecordsReadBackEqual() {
        CustomerRecordSerde serde = new CustomerRecordSerde();
        CustomerRecord live = CustomerRecord.live(PROFILE, List.of(MERGE, MERGE));
        Set<CustomerRecord> records = Set.of(live, CustomerRecord.live(CustomerProfile.empty("c-9"), List.of()),
                CustomerRecord.merged(MERGE, false), CustomerRecord.merged(MERGE, true).repointedTo("c-3"));
        for (CustomerRecord r : records) {
            assertThat(roundTrip(serde, r)).isEqualTo(r);
        }
    }

    /** Every field of an event set, interaction and feedback both, with strings outside ASCII. */
    static final ContactEvent FULL_EVENT = new ContactEvent("ev-ü-1", "crm-ñ", EventType.FEEDBACK, Channel.SOCIAL, NANOS,
            new CustomerIds("C-1", "zoë@example.com", "+44 20 7946 0958", "twitter:@名前", "v-😀"), "conv-1", "agent-7",
            "billing – ✓", new InteractionDetails(Direction.OUTBOUND, InteractionStatus.ABANDONED, 0, 2_592_000, 100,
                    "Réclamation «facture»", "line 1\nline 2 \u0000 \uD83D\uDE00"),
            new FeedbackDetails(Metric.CES, 2, new Scale(1, 5, false), "", "conv-0"), NANOS.plusNanos(1));
    static final ContactEvent EMPTY_EVENT = new ContactEvent(null, null, null, null, null, null, null, null, null,
            null, null, null);

    static List<ContactEvent> events() {
        return List.of(FULL_EVENT, EMPTY_EVENT, EVENT, SURVEY,
                new ContactEvent("e", "s", EventType.INTERACTION, Channel.CALL, at(1), CustomerIds.none(), null, null, null,
                        new InteractionDetails(null, null, null, null, null, null, null),
                        new FeedbackDetails(null, null, new Scale(null, null, null), null, null), null),
                new ContactEvent("e", "s", null, null, at(1), null, null, null, null, null,
                        new FeedbackDetails(Metric.NPS, null, null, "skipped", null), null));
    }

    static CustomerProfile fullProfile() {
        JourneyEntry everyField = new JourneyEntry("ev-1", "crm", NANOS, Channel.CHAT, EventType.FEEDBACK, "conv-1",
                "agent-7", "billing", InteractionStatus.TRANSFERRED, Metric.CSAT, 4, "CSAT 4: très bien 👍");
        JourneyEntry noField = new JourneyEntry(null, null, at(2), null, null, null, null, null, null, null, null, null);
        Map<String, List<String>> identifiers = new TreeMap<>(Map.of("email", List.of("ann@example.com", "zoë@example.com"),
                "phone", List.of("+442079460958"), "handle", List.of()));
        return new CustomerProfile("c-ü", identifiers,
                Map.of("chat", new ChannelUsage(3, at(0), NANOS), "call", new ChannelUsage(Long.MAX_VALUE, null, null)),
                at(0), NANOS, 12, 3, List.of("conv-1", "conv-😀"),
                new SurveyAnswer(9, new Scale(0, 10, true), "great", NANOS, Channel.EMAIL, "nps-1"),
                new SurveyAnswer(-1, new Scale(1, 7, null), null, at(1), null, null),
                new SurveyAnswer(5, null, "", null, Channel.CALL, "csat-1"),
                List.of(everyField, noField), RecentEventKeys.of(RecentEventKeys.hashOf("crm/ev-1"), Long.MIN_VALUE, -1, 0,
                        Long.MAX_VALUE));
    }

    @Test
    void contactEventsReadBackExactly() {
        for (ContactEvent event : events()) {
            assertThat(roundTrip(ContactEventCodec::write, ContactEventCodec::read, event)).isEqualTo(event);
        }
        assertThat(roundTrip(ContactEventCodec::write, ContactEventCodec::read, null)).isNull();
        LoopMessage claim = new LoopMessage.Claim(FULL_EVENT, CAUSE, Gathered.NOTHING, 1);
        assertThat(roundTrip(new LoopMessageSerde(), claim)).isEqualTo(claim);
    }

    @Test
    void profilesReadBackExactly() {
        List<CustomerProfile> profiles = List.of(fullProfile(), CustomerProfile.empty("c-1"), CustomerProfile.empty(null),
                PROFILE);
        for (CustomerProfile profile : profiles) {
            assertThat(roundTrip(ProfileCodec::write, ProfileCodec::read, profile)).isEqualTo(profile);
            CustomerRecord record = CustomerRecord.live(profile, List.of(MERGE));
            assertThat(roundTrip(new CustomerRecordSerde(), record)).isEqualTo(record);
        }
        CustomerProfile empty = roundTrip(ProfileCodec::write, ProfileCodec::read, CustomerProfile.empty("c-1"));
        assertThat(empty.journey()).isEmpty();
        assertThat(empty.identifiers()).isEmpty();
        assertThat(fullProfile().identifiersOf("handle")).isEmpty();
        assertThat(roundTrip(ProfileCodec::write, ProfileCodec::read, fullProfile()).identifiersOf("handle")).isEmpty();
        LoopMessage absorb = new LoopMessage.Absorb(fullProfile(), MERGE, 1);
        assertThat(roundTrip(new LoopMessageSerde(), absorb)).isEqualTo(absorb);
    }

    @Test
    void aRecordWithAnEventOrAProfileCutAnywhereIsRefused() {
        List<Map.Entry<Serde<?>, Object>> values = List.of(
                Map.entry(new LoopMessageSerde(), new LoopMessage.Absorb(fullProfile(), MERGE, 1)),
                Map.entry(new LoopMessageSerde(), new LoopMessage.Claim(FULL_EVENT, CAUSE, GATHERED, 1)),
                Map.entry(new CustomerRecordSerde(), CustomerRecord.live(fullProfile(), List.of())));
        values.forEach(entry -> {
            Serde<?> serde = entry.getKey();
            Object value = entry.getValue();
            @SuppressWarnings("unchecked")
            Serde<Object> s = (Serde<Object>) serde;
            byte[] bytes = s.serializer().serialize("t", value);
            for (int length = 1; length < bytes.length; length++) {
                byte[] cut = Arrays.copyOf(bytes, length);
                assertThatThrownBy(() -> s.deserializer().deserialize("t", cut)).as("cut at %d", length)
                        .isInstanceOf(SerializationException.class);
            }
        });
    }

    @Test
    void anEnumCodeNoVersionKnowsIsRefused() {
        BinaryWriter out = new BinaryWriter(8);
        ContactEventCodec.CHANNELS.write(out, Channel.CALL);
        byte[] bytes = out.toByteArray();
        bytes[0] = 99;
        assertThatThrownBy(() -> ContactEventCodec.CHANNELS.read(new BinaryReader(bytes, 0)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Channel code 99");
    }

    /** Codes are stored: a constant's code never changes, whatever order the enum declares its constants in. */
    @Test
    void enumCodesAreTheAppendOnlyOnesStoredBefore() {
        assertThat(codes(ContactEventCodec.TYPES, EventType.values())).containsExactly(1, 2);
        assertThat(codes(ContactEventCodec.CHANNELS, Channel.EMAIL, Channel.CHAT, Channel.SOCIAL, Channel.CALL))
                .containsExactly(1, 2, 3, 4);
        assertThat(codes(ContactEventCodec.DIRECTIONS, Direction.INBOUND, Direction.OUTBOUND)).containsExactly(1, 2);
        assertThat(codes(ContactEventCodec.STATUSES, InteractionStatus.OPEN, InteractionStatus.RESOLVED,
                InteractionStatus.TRANSFERRED, InteractionStatus.ABANDONED)).containsExactly(1, 2, 3, 4);
        assertThat(codes(ContactEventCodec.METRICS, Metric.NPS, Metric.CES, Metric.CSAT)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> EnumCodes.of(Channel.class, Channel.EMAIL, Channel.CHAT, Channel.SOCIAL))
                .isInstanceOf(IllegalStateException.class);
    }

    @SafeVarargs
    private static <E extends Enum<E>> List<Integer> codes(EnumCodes<E> codes, E... constants) {
        BinaryWriter out = new BinaryWriter(8);
        for (E constant : constants) {
            codes.write(out, constant);
        }
        List<Integer> written = new ArrayList<>();
        for (byte b : out.toByteArray()) {
            written.add((int) b);
        }
        return written;
    }

    private static <T> T roundTrip(BiConsumer<BinaryWriter, T> write, Function<BinaryReader, T> read, T value) {
        BinaryWriter out = new BinaryWriter(64);
        write.accept(out, value);
        BinaryReader in = new BinaryReader(out.toByteArray(), 0);
        T back = read.apply(in);
        in.end();
        return back;
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
