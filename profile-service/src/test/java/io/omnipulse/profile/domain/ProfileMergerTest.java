package io.omnipulse.profile.domain;

import static io.omnipulse.profile.TestEvents.annByCall;
import static io.omnipulse.profile.TestEvents.annByChat;
import static io.omnipulse.profile.TestEvents.annByEmail;
import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.feedback;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.Metric;
import org.junit.jupiter.api.Test;

class ProfileMergerTest {

    private final ProfileFolder folder = new ProfileFolder(ProfileLimits.DEFAULTS);

    @Test
    void mergedProfileFoldsIdentifiersCountsChannelsAnswersAndJourneyIntoTheSurvivor() {
        CustomerProfile survivor = folder.fold("cus-old", null, interaction("e1", Channel.EMAIL, at(0), annByEmail()));
        survivor = folder.fold("cus-old", survivor, interaction("e2", Channel.EMAIL, at(30), annByEmail()));
        CustomerProfile merged = folder.fold("cus-new", null, interaction("h1", Channel.CHAT, at(10), annByChat()));
        merged = folder.fold("cus-new", merged, feedback("s1", Channel.CALL, at(20), annByCall(), Metric.NPS, 3, null));

        CustomerProfile out = new ProfileMerger(ProfileLimits.DEFAULTS).merge("cus-old", survivor, merged);

        assertThat(out.customerId()).isEqualTo("cus-old");
        assertThat(out.channels()).containsOnlyKeys("email", "chat", "call");
        assertThat(out.channels().get("email").count()).isEqualTo(2);
        assertThat(out.interactionCount()).isEqualTo(3);
        assertThat(out.feedbackCount()).isEqualTo(1);
        assertThat(out.latestNps().score()).isEqualTo(3);
        assertThat(out.identifiersOf("visitor")).containsExactly("v-42");
        assertThat(out.identifiersOf("phone")).containsExactly("+442079460958");
        assertThat(out.journey()).extracting(JourneyEntry::eventId).containsExactly("e1", "h1", "s1", "e2");
        assertThat(out.firstContact()).isEqualTo(at(0));
        assertThat(out.lastContact()).isEqualTo(at(30));
        assertThat(out.recentEventKeys().contains(RecentEventKeys.hashOf("test-chat/h1"))).isTrue();
    }

    @Test
    void mergeKeepsEveryBound() {
        ProfileLimits limits = new ProfileLimits(1, 2, 2, 50);
        ProfileFolder small = new ProfileFolder(limits);
        CustomerProfile a = small.fold("a", null, interaction("a1", Channel.EMAIL, at(1), annByEmail()));
        a = small.fold("a", a, interaction("a2", Channel.EMAIL, at(2), annByEmail()));
        CustomerProfile b = small.fold("b", null, interaction("b3", Channel.EMAIL, at(3),
                new CustomerIds(null, "ann.w@example.com", null, null, null)));

        ProfileMerger merger = new ProfileMerger(limits);
        CustomerProfile out = merger.merge("a", a, b);

        assertThat(out.journey()).extracting(JourneyEntry::eventId).containsExactly("a2", "b3");
        assertThat(out.recentEventKeys()).isEqualTo(RecentEventKeys.of(RecentEventKeys.hashOf("test-email/a2"),
                RecentEventKeys.hashOf("test-email/b3")));
        assertThat(out.identifiersOf("email")).containsExactly("ann@example.com");
        assertThat(merger.overCap(a, b)).containsExactly("email:ann.w@example.com");
    }
}
