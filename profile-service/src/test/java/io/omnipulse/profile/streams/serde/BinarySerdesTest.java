package io.omnipulse.profile.streams.serde;

import static io.omnipulse.profile.TestEvents.annByEmail;
import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.feedback;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.Metric;
import io.omnipulse.events.serde.JsonSerde;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.CustomerRecord;
import io.omnipulse.profile.domain.IdentityNode;
import io.omnipulse.profile.domain.IdentityRules;
import io.omnipulse.profile.domain.Label;
import io.omnipulse.profile.domain.Offer;
import io.omnipulse.profile.domain.ProfileFolder;
import io.omnipulse.profile.domain.ProfileLimits;
import io.omnipulse.profile.domain.Reach;
import io.omnipulse.profile.streams.LoopMessage;
import io.omnipulse.profile.streams.LoopMessage.Kind;
import io.omnipulse.profile.streams.PendingResolution;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    static final CustomersMerged MERGE = new CustomersMerged("survivor", "merged", "test-crm", "mail-1",
            List.of("email:ann@example.com"), at(1), NANOS);
    static final CustomerProfile PROFILE = new ProfileFolder(ProfileLimits.DEFAULTS).fold("c-1",
            new ProfileFolder(ProfileLimits.DEFAULTS).fold("c-1", null, EVENT), SURVEY);

    /** One message of every kind, with the fields its factory sets, plus one with every field set. */
    static List<LoopMessage> everyKind() {
        return List.of(
                new LoopMessage(Kind.EXPECT, EVENT, CAUSE, null, null, null, null, null, null, 1),
                new LoopMessage(Kind.CLAIM, null, CAUSE, null, null, null, null, null, null, 1),
                new LoopMessage(Kind.OFFER, null, CAUSE, "email:ann@example.com", null, null, null, null, OFFER, 7),
                new LoopMessage(Kind.OFFER, null, CAUSE, "email:ann@example.com", null, null, null, null,
                        new Offer(null, new Reach(OLDEST, 0)), 2),
                new LoopMessage(Kind.WITHDRAW, null, CAUSE, "phone:+442079460000", null, null, null, null, null, 3),
                new LoopMessage(Kind.RESPONSE, null, null, "email:ann@example.com", CRM, true, null, null, null, 2),
                new LoopMessage(Kind.RESPONSE, null, null, "email:ann@example.com", OLDEST, false, null, null, null, 2),
                new LoopMessage(Kind.FOLD, SURVEY, null, null, null, null, null, null, null, 3),
                new LoopMessage(Kind.MERGED_INTO, null, null, null, null, null, null, MERGE, null, 4),
                new LoopMessage(Kind.ABSORB, null, null, null, null, null, PROFILE, MERGE, null, 5),
                new LoopMessage(Kind.ABSORB, null, null, null, null, null, null, MERGE, null, 5),
                new LoopMessage(Kind.REPOINT, null, null, "c-2", null, null, null, MERGE, null, 6),
                new LoopMessage(Kind.REPOINT, null, null, null, null, null, null, MERGE, null, 6),
                new LoopMessage(Kind.REVIVE, null, CAUSE, "email:ann@example.com", OLDEST, null, null, null, null, 128),
                new LoopMessage(Kind.REVIVE, null, CAUSE, "email:ann@example.com", null, null, null, null, null, 129),
                // written before the hop count: no hops
                new LoopMessage(Kind.FOLD, EVENT, null, null, null, null, null, null, null, null),
                new LoopMessage(Kind.REVIVE, EVENT, CAUSE, "x", CRM, false, PROFILE, MERGE, OFFER, 300));
    }

    @Test
    void everyKindOfLoopMessageReadsBackEqual() {
        LoopMessageSerde serde = new LoopMessageSerde();
        assertThat(everyKind().stream().map(LoopMessage::kind).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(Kind.class));
        for (LoopMessage m : everyKind()) {
            assertThat(roundTrip(serde, m)).as(m.kind().name()).isEqualTo(m);
        }
    }

    @Test
    void aLoopMessageIsMuchSmallerThanItsJson() {
        LoopMessage offer = everyKind().get(2);
        byte[] binary = new LoopMessageSerde().serialize("loop", offer);
        byte[] json = new JsonSerde<>(LoopMessage.class).serialize("loop", offer);
        assertThat(binary.length).isLessThan(json.length / 2);
    }

    @Test
    void everyFormatStartsWithItsVersionByte() {
        assertThat(new LoopMessageSerde().serialize("t", everyKind().get(0))[0]).isEqualTo((byte) 1);
        assertThat(new IdentityNodeSerde().serialize("t", IdentityNode.empty())[0]).isEqualTo((byte) 1);
        assertThat(new PendingResolutionSerde().serialize("t", new PendingResolution(null, null, null, null))[0]).isEqualTo((byte) 1);
        assertThat(new CustomerRecordSerde().serialize("t", CustomerRecord.merged(MERGE, true))[0]).isEqualTo((byte) 1);
    }

    @Test
    void anUnknownVersionIsRefusedWithAClearError() {
        Map<Serde<?>, Object> values = Map.of(new LoopMessageSerde(), everyKind().get(1),
                new IdentityNodeSerde(), IdentityNode.empty(),
                new PendingResolutionSerde(), new PendingResolution(null, null, null, null),
                new CustomerRecordSerde(), CustomerRecord.merged(MERGE, true));
        values.forEach((serde, value) -> {
            @SuppressWarnings("unchecked")
            Serde<Object> s = (Serde<Object>) serde;
            byte[] bytes = s.serializer().serialize("t", value);
            bytes[0] = 2;
            assertThatThrownBy(() -> s.deserializer().deserialize("t", bytes))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("unknown")
                    .hasMessageContaining("version 2");
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
                    .as(m.kind().name()).isInstanceOf(SerializationException.class);
            assertThatThrownBy(() -> serde.deserialize("t", Arrays.copyOf(bytes, bytes.length + 1)))
                    .as(m.kind().name()).isInstanceOf(SerializationException.class);
        }
        byte[] unknownKind = serde.serialize("t", everyKind().get(1));
        unknownKind[1] = 99;
        assertThatThrownBy(() -> serde.deserialize("t", unknownKind)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("kind 99");
    }

    @Test
    void loopMessagesTheJsonVersionWroteAreStillRead() {
        JsonSerde<LoopMessage> json = new JsonSerde<>(LoopMessage.class);
        LoopMessageSerde serde = new LoopMessageSerde();
        for (LoopMessage m : everyKind()) {
            assertThat(serde.deserialize("t", json.serialize("t", m))).as(m.kind().name()).isEqualTo(m);
        }
        assertThatThrownBy(() -> serde.deserialize("t", "{\"kind\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
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
    void pendingResolutionsReadBackEqual() {
        PendingResolutionSerde serde = new PendingResolutionSerde();
        PendingResolution full = new PendingResolution(EVENT, CAUSE.identifiers(),
                Map.of("email:ann@example.com", CRM, "phone:+442079460000", OLDEST), List.of("phone:+442079460000"));
        PendingResolution answersFirst = new PendingResolution(null, null, Map.of("email:ann@example.com", OLDEST), null);
        for (PendingResolution p : List.of(new PendingResolution(null, null, null, null), full, answersFirst)) {
            assertThat(roundTrip(serde, p)).isEqualTo(p);
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

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
