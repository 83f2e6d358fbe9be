package io.omnipulse.ingest.channel;

import static io.omnipulse.ingest.channel.AdapterAssertions.rejectedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SocialAdapterTest {

    static final Instant POSTED = Instant.parse("2025-03-01T08:00:00Z");

    final SocialAdapter adapter = new SocialAdapter();

    @Test
    void publicPostBecomesAnInteractionOfThePlatformHandle() {
        ContactEvent e = adapter.toEvent(new SocialPost(null, "Twitter", "@AnnS", "1789", "worst service ever",
                "public", POSTED, null, null));
        assertThat(e.eventId()).isEqualTo("social:twitter:1789");
        assertThat(e.source()).isEqualTo("social-listening");
        assertThat(e.channel()).isEqualTo(Channel.SOCIAL);
        assertThat(e.occurredAt()).isEqualTo(POSTED);
        assertThat(e.customer().handle()).isEqualTo("twitter:AnnS");
        assertThat(CustomerKeys.primaryIdentifier(e.customer())).isEqualTo("handle:twitter:anns");
        assertThat(e.conversationId()).isEqualTo("1789");
        assertThat(e.interaction().subject()).isEqualTo("public twitter post");
        assertThat(e.interaction().text()).isEqualTo("worst service ever");
    }

    @Test
    void visibilityDefaultsToPublicAndPrivateIsAMessage() {
        assertThat(adapter.toEvent(new SocialPost(null, "facebook", "ann", "p", null, null, POSTED, null, null))
                .interaction().subject()).isEqualTo("public facebook post");
        assertThat(adapter.toEvent(new SocialPost(null, "instagram", "ann", "p", null, "Private", POSTED, null, null))
                .interaction().subject()).isEqualTo("private instagram message");
    }

    @Test
    void missingOrBadNativeFieldsAreNamed() {
        rejectedFields(() -> adapter.toEvent(new SocialPost(null, null, null, null, null, "friends", null, null, null)))
                .containsExactly("platform", "handle", "postId", "postedAt", "visibility");
        rejectedFields(() -> adapter.toEvent(new SocialPost(null, "twitter", "@", "p", null, null, POSTED, null, null)))
                .containsExactly("handle");
    }
}
