package io.omnipulse.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.serde.JsonSerde;
import org.junit.jupiter.api.Test;

class RecentEventKeysTest {

    @Test
    void aKeyIsRememberedByTheFirst64BitsOfItsSha256() {
        // SHA-256("abc") = ba7816bf 8f01cfea 414140de ... (FIPS 180-2, appendix B.1)
        assertThat(RecentEventKeys.hashOf("abc")).isEqualTo(0xba7816bf8f01cfeaL);
        assertThat(RecentEventKeys.hashOf("crm/ev-1")).isNotEqualTo(RecentEventKeys.hashOf("crm/ev-2"));
    }

    @Test
    void onlyTheNewestAreKept() {
        RecentEventKeys keys = RecentEventKeys.NONE.append(1, 2).append(2, 2).append(3, 2);

        assertThat(keys.hashes()).containsExactly(2, 3);
        assertThat(keys.contains(1)).isFalse();
        assertThat(keys.contains(3)).isTrue();
    }

    @Test
    void aMergedProfileKeepsTheSurvivorsKeysFirstEachOnceAndTheNewestAtTheEnd() {
        RecentEventKeys survivor = RecentEventKeys.of(1, 2, 3);
        RecentEventKeys absorbed = RecentEventKeys.of(3, 4, 5);

        assertThat(survivor.union(absorbed, 10).hashes()).containsExactly(1, 2, 3, 4, 5);
        assertThat(survivor.union(absorbed, 3).hashes()).containsExactly(3, 4, 5);
        assertThat(survivor.union(RecentEventKeys.NONE, 10)).isEqualTo(survivor);
    }

    @Test
    void theyReadBackFromJsonAsWritten() {
        JsonSerde<RecentEventKeys> serde = new JsonSerde<>(RecentEventKeys.class);
        RecentEventKeys keys = RecentEventKeys.of(Long.MIN_VALUE, -1, 0, RecentEventKeys.hashOf("a/b"), Long.MAX_VALUE);

        assertThat(serde.deserialize("t", serde.serialize("t", keys))).isEqualTo(keys);
    }
}
