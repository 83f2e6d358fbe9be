package io.omnipulse.profile.domain;

import static io.omnipulse.profile.TestEvents.annByCall;
import static io.omnipulse.profile.TestEvents.annByChat;
import static io.omnipulse.profile.TestEvents.annByEmail;
import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.feedback;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.Metric;
import io.omnipulse.events.serde.JsonSerde;
import org.junit.jupiter.api.Test;

class ProfileFolderTest {

    private static final String ANN = "cus-ann";

    private CustomerProfile foldAll(ProfileLimits limits, ContactEvent... events) {
        ProfileFolder folder = new ProfileFolder(limits);
        CustomerProfile profile = null;
        for (ContactEvent e : events) {
            profile = folder.fold(ANN, profile, e);
        }
        return profile;
    }

    @Test
    void contactsOnThreeChannelsAreCountedPerChannelWithFirstAndLastContact() {
        CustomerProfile p = foldAll(ProfileLimits.DEFAULTS,
                interaction("e1", Channel.EMAIL, at(0), annByEmail()),
                interaction("c1", Channel.CALL, at(10), annByCall()),
                interaction("e2", Channel.EMAIL, at(20), annByEmail()),
                feedback("s1", Channel.CHAT, at(30), annByChat(), Metric.CSAT, 4, null));

        assertThat(p.customerId()).isEqualTo(ANN);
        assertThat(p.channels()).containsOnlyKeys("email", "call", "chat");
        assertThat(p.channels().get("email")).isEqualTo(new ChannelUsage(2, at(0), at(20)));
        assertThat(p.channels().get("call")).isEqualTo(new ChannelUsage(1, at(10), at(10)));
        assertThat(p.firstContact()).isEqualTo(at(0));
        assertThat(p.lastContact()).isEqualTo(at(30));
        assertThat(p.interactionCount()).isEqualTo(3);
        assertThat(p.feedbackCount()).isEqualTo(1);
        assertThat(p.conversations()).containsExactly("conv-e1", "conv-c1", "conv-e2");
        assertThat(p.identifiers()).containsOnlyKeys("email", "phone", "visitor");
        assertThat(p.identifiersOf("email")).containsExactly("ann@example.com");
        assertThat(p.identifiersOf("phone")).containsExactly("+442079460958");
    }

    @Test
    void lateEventIsInsertedInEventTimeOrderAndMovesFirstContactBack() {
        CustomerProfile p = foldAll(ProfileLimits.DEFAULTS,
                interaction("b", Channel.EMAIL, at(20), annByEmail()),
                interaction("c", Channel.CHAT, at(30), annByChat()),
                interaction("a", Channel.CALL, at(10), annByCall()));

        assertThat(p.journey()).extracting(JourneyEntry::eventId).containsExactly("a", "b", "c");
        assertThat(p.firstContact()).isEqualTo(at(10));
        assertThat(p.lastContact()).isEqualTo(at(30));
    }

    @Test
    void journeyKeepsTheLatestEntriesAndDropsTheOldest() {
        ProfileLimits limits = new ProfileLimits(10, 3, 200, 50);
        CustomerProfile p = foldAll(limits,
                interaction("e1", Channel.EMAIL, at(1), annByEmail()),
                interaction("e2", Channel.EMAIL, at(2), annByEmail()),
                interaction("e4", Channel.EMAIL, at(4), annByEmail()),
                interaction("e5", Channel.EMAIL, at(5), annByEmail()),
                interaction("e3", Channel.EMAIL, at(3), annByEmail()),
                interaction("e0", Channel.EMAIL, at(0), annByEmail()));

        assertThat(p.journey()).extracting(JourneyEntry::eventId).containsExactly("e3", "e4", "e5");
        assertThat(p.interactionCount()).isEqualTo(6);
    }

    @Test
    void repeatedEventIsIgnored() {
        ProfileFolder folder = new ProfileFolder(ProfileLimits.DEFAULTS);
        ContactEvent call = interaction("c1", Channel.CALL, at(0), annByCall());
        CustomerProfile once = folder.fold(ANN, null, call);

        CustomerProfile twice = folder.fold(ANN, once, call);

        assertThat(twice).isSameAs(once);
        assertThat(twice.interactionCount()).isEqualTo(1);
        assertThat(twice.channels().get("call").count()).isEqualTo(1);
        assertThat(twice.journey()).hasSize(1);
    }

    @Test
    void sameEventIdFromAnotherSourceIsADifferentEvent() {
        ContactEvent call = interaction("x1", Channel.CALL, at(0), annByCall());
        ContactEvent email = interaction("x1", Channel.EMAIL, at(1), annByEmail());

        assertThat(foldAll(ProfileLimits.DEFAULTS, call, email).interactionCount()).isEqualTo(2);
    }

    @Test
    void dedupMemoryIsBoundedSoOnlyRecentRepeatsAreCaught() {
        ProfileLimits limits = new ProfileLimits(10, 20, 2, 50);
        ContactEvent first = interaction("e1", Channel.EMAIL, at(1), annByEmail());
        CustomerProfile p = foldAll(limits, first,
                interaction("e2", Channel.EMAIL, at(2), annByEmail()),
                interaction("e3", Channel.EMAIL, at(3), annByEmail()),
                first);

        assertThat(p.recentEventKeys().size()).isEqualTo(2);
        assertThat(p.interactionCount()).isEqualTo(4);
    }

    @Test
    void identifierValuesBeyondTheCapAreIgnored() {
        ProfileLimits limits = new ProfileLimits(2, 20, 200, 50);
        CustomerProfile p = foldAll(limits,
                interaction("e1", Channel.EMAIL, at(1), withEmail("one@example.com")),
                interaction("e2", Channel.EMAIL, at(2), withEmail("two@example.com")),
                interaction("e3", Channel.EMAIL, at(3), withEmail("three@example.com")),
                interaction("e4", Channel.EMAIL, at(4), withEmail("ONE@example.com")));

        assertThat(p.identifiersOf("email")).containsExactly("one@example.com", "two@example.com");
        assertThat(p.identifiersOf("crm")).containsExactly("crm-1");
        assertThat(p.interactionCount()).isEqualTo(4);
    }

    @Test
    void latestScoresFollowEventTimeAndIgnoreSkippedQuestions() {
        CustomerProfile p = foldAll(ProfileLimits.DEFAULTS,
                feedback("n2", Channel.EMAIL, at(20), annByEmail(), Metric.NPS, 3, "Too slow"),
                feedback("n1", Channel.CHAT, at(10), annByChat(), Metric.NPS, 10, null),
                feedback("n3", Channel.CALL, at(30), annByCall(), Metric.NPS, null, null),
                feedback("ce", Channel.CALL, at(5), annByCall(), Metric.CES, 2, "Had to call twice"));

        assertThat(p.latestNps().score()).isEqualTo(3);
        assertThat(p.latestNps().comment()).isEqualTo("Too slow");
        assertThat(p.latestNps().channel()).isEqualTo(Channel.EMAIL);
        assertThat(p.latestNps().scale()).isEqualTo(Metric.NPS.defaultScale());
        assertThat(p.latestCes().score()).isEqualTo(2);
        assertThat(p.latestCsat()).isNull();
        assertThat(p.feedbackCount()).isEqualTo(4);
        assertThat(p.journey()).extracting(JourneyEntry::summary)
                .containsExactly("CES 2: Had to call twice", "NPS 10", "NPS 3: Too slow", "NPS skipped");
    }

    @Test
    void conversationsAreDistinctAndBounded() {
        ProfileLimits limits = new ProfileLimits(10, 20, 200, 2);
        ContactEvent e1 = interaction("e1", Channel.EMAIL, at(1), annByEmail());
        CustomerProfile p = foldAll(limits, e1,
                interaction("e2", Channel.EMAIL, at(2), annByEmail()),
                feedback("s1", Channel.EMAIL, at(3), annByEmail(), Metric.CSAT, 5, null),
                interaction("e3", Channel.EMAIL, at(4), annByEmail()));

        assertThat(p.conversations()).containsExactly("conv-e2", "conv-e3");
    }

    @Test
    void profileSurvivesTheStateStoreSerde() {
        CustomerProfile p = foldAll(ProfileLimits.DEFAULTS,
                interaction("e1", Channel.EMAIL, at(0), annByEmail()),
                feedback("s1", Channel.CHAT, at(30), annByChat(), Metric.CES, 6, "Easy"));
        JsonSerde<CustomerProfile> serde = new JsonSerde<>(CustomerProfile.class);

        CustomerProfile back = serde.deserialize("t", serde.serialize("t", p));

        assertThat(back).isEqualTo(p);
        assertThat(back.recentEventKeys()).isEqualTo(RecentEventKeys.of(RecentEventKeys.hashOf("test-email/e1"),
                RecentEventKeys.hashOf("test-survey/s1")));
        assertThat(back.recentEventKeys().contains(RecentEventKeys.hashOf("test-email/e1"))).isTrue();
        assertThat(back.recentEventKeys().contains(RecentEventKeys.hashOf("test-email/e2"))).isFalse();
    }

    private static CustomerIds withEmail(String email) {
        return new CustomerIds("crm-1", email, null, null, null);
    }
}
