package io.omnipulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.EventType;
import org.junit.jupiter.api.Test;

class ScopeKeyTest {

    static ContactEvent feedbackOn(Channel channel) {
        return new ContactEvent("e1", "survey", EventType.FEEDBACK, channel, null, null, null, null, null, null,
                null, null);
    }

    @Test
    void eventCountsTowardsGlobalItsChannelAndItsCustomer() {
        assertThat(ScopeKey.of("cus-1", feedbackOn(Channel.CHAT)))
                .containsExactly(ScopeKey.global(), new ScopeKey(Scope.CHANNEL, "chat"),
                        new ScopeKey(Scope.CUSTOMER, "cus-1"));
    }

    @Test
    void eventWithTeamAndAgentCountsForBoth() {
        ContactEvent event = feedbackOn(Channel.CALL);
        ContactEvent handled = new ContactEvent(event.eventId(), event.source(), event.type(), event.channel(),
                event.occurredAt(), event.customer(), null, " a-7 ", "billing", null, event.feedback(), null);
        assertThat(ScopeKey.of("cus-1", handled)).containsExactly(ScopeKey.global(),
                new ScopeKey(Scope.CHANNEL, "call"), new ScopeKey(Scope.TEAM, "billing"),
                new ScopeKey(Scope.AGENT, "a-7"), new ScopeKey(Scope.CUSTOMER, "cus-1"),
                new ScopeKey(Scope.TEAM_CHANNEL, "call:billing"));
    }

    @Test
    void eventWithoutChannelOrCustomerCountsOnlyGlobally() {
        assertThat(ScopeKey.of(null, feedbackOn(null))).containsExactly(ScopeKey.global());
    }

    @Test
    void storedFormRoundTrips() {
        ScopeKey email = new ScopeKey(Scope.CHANNEL, "email");

        assertThat(email.format()).isEqualTo("channel|email");
        assertThat(ScopeKey.global().format()).isEqualTo("global|all");
        assertThat(ScopeKey.parse("channel|email")).isEqualTo(email);
        assertThat(ScopeKey.parse(ScopeKey.global().format())).isEqualTo(ScopeKey.global());
    }

    @Test
    void keyMayContainTheSeparator() {
        ScopeKey odd = new ScopeKey(Scope.CHANNEL, "a|b");

        assertThat(ScopeKey.parse(odd.format())).isEqualTo(odd);
    }

    @Test
    void topicKeyIsScopeKeyWindow() {
        assertThat(new ScopeKey(Scope.CHANNEL, "call").topicKey("all")).isEqualTo("channel:call:all");
        assertThat(ScopeKey.global().topicKey("all")).isEqualTo("global:all:all");
    }

    @Test
    void unknownTextIsNotAScopeKey() {
        assertThatThrownBy(() -> ScopeKey.parse("email")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ScopeKey.parse("team|blue")).isEqualTo(new ScopeKey(Scope.TEAM, "blue"));
        assertThatThrownBy(() -> ScopeKey.parse("region|blue")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("global, channel");
    }

    @Test
    void channelKeysAreValidatedAndNormalised() {
        assertThat(Scope.CHANNEL.normaliseKey(" EMAIL ")).isEqualTo("email");
        assertThatThrownBy(() -> Scope.CHANNEL.normaliseKey("fax")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email, chat, social, call");
        assertThatThrownBy(() -> Scope.CHANNEL.normaliseKey(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required");
        assertThat(Scope.GLOBAL.normaliseKey("whatever")).isEqualTo("all");
        assertThat(Scope.fromWire("Global")).isEqualTo(Scope.GLOBAL);
    }
}
