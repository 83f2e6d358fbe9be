package io.omnipulse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TeamScopeTest {

    @Test
    void aCallerSeesWhatOneOfTheirTeamsOrNoTeamHadAndAnAdminSeesAll() {
        Set<String> billing = Set.of("billing");
        assertThat(TeamScope.sees(billing, List.of("technical", "billing"))).isTrue();
        assertThat(TeamScope.sees(billing, List.of("technical"))).isFalse();
        assertThat(TeamScope.sees(billing, Arrays.asList(null, "technical"))).isFalse();
        assertThat(TeamScope.sees(billing, Arrays.asList((String) null))).isTrue();
        assertThat(TeamScope.sees(billing, List.of())).isTrue();
        assertThat(TeamScope.sees(Set.of(), List.of("billing"))).isFalse();
        assertThat(TeamScope.sees(null, List.of("technical"))).isTrue();
    }
}
