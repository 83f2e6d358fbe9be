package io.omnipulse.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Following merged ids to their survivor, and saying so. */
class MergedIdsTest {

    final Map<String, String> pointers = new HashMap<>();

    MergedIds.Survivor<String> follow(String id, int max) {
        return MergedIds.follow(id, max, pointers::get, next -> next);
    }

    @Test
    void anIdThatWasNotMergedIsItsOwnSurvivor() {
        assertThat(follow("a", 3)).isEqualTo(new MergedIds.Survivor<>("a", null));
    }

    @Test
    void aChainIsFollowedToItsEndUpToTheLimit() {
        pointers.put("a", "b");
        pointers.put("b", "c");
        pointers.put("c", "d");
        assertThat(follow("a", 3).id()).isEqualTo("d");
        assertThatThrownBy(() -> follow("a", 2)).isInstanceOf(StoreNotQueryableException.class)
                .hasMessageContaining("merged more than 2 times");
    }

    @Test
    void aLoopIsNotFollowedForever() {
        pointers.put("x", "y");
        pointers.put("y", "x");
        assertThatThrownBy(() -> follow("x", 5)).isInstanceOf(StoreNotQueryableException.class);
    }

    @Test
    void theSurvivorsAnswerNamesItOnlyForAMergedId() {
        Response own = MergedIds.answeredFor("a", "a", "/v1/customers/a", Response.ok("{}").build());
        assertThat(own.getHeaderString(MergedIds.MERGED_INTO_HEADER)).isNull();

        Response merged = MergedIds.answeredFor("a", "d", "/v1/customers/d/journey", Response.ok("{}").build());
        assertThat(merged.getStatus()).isEqualTo(200);
        assertThat(merged.getHeaderString(MergedIds.MERGED_INTO_HEADER)).isEqualTo("d");
        assertThat(merged.getHeaderString("Content-Location")).isEqualTo("/v1/customers/d/journey");
    }
}
