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
    void eventCountsTowardsGlobalAndItsChannel() {
        assertThat(ScopeKey.of(feedbackOn(Channel.CHAT)))
                .containsExactly(ScopeKey.global(), new ScopeKey(Scope.CHANNEL, "chat"));
    }

    @Test
    void eventWithoutChannelCountsOnlyGlobally() {
        assertThat(ScopeKey.of(feedbackOn(null))).containsExactly(ScopeKey.global());
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
        assertThatThrownBy(() -> ScopeKey.parse("team|blue")).isInstanceOf(IllegalArgumentException.class)
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
