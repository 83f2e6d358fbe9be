package io.omnipulse.profile.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.Problem;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentifierQueryTest {

    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void theOneIdentifierGivenIsTypedAndNormalised() {
        assertThat(IdentifierQuery.of(params("email", " Ann@Example.com ")).typedIdentifier())
                .isEqualTo("email:ann@example.com");
        assertThat(IdentifierQuery.of(params("phone", "0044 20 7946 0958")).typedIdentifier())
                .isEqualTo("phone:+442079460958");
        assertThat(IdentifierQuery.of(params("crmId", "C-1")).typedIdentifier()).isEqualTo("crm:C-1");
        assertThat(IdentifierQuery.of(params("chatVisitorId", "v-42")).typedIdentifier()).isEqualTo("visitor:v-42");
        assertThat(IdentifierQuery.of(params("handle", "@Ann")).typedIdentifier()).isEqualTo("handle:@ann");
    }

    @Test
    void noIdentifierNamesEveryAllowedParameter() {
        assertThatThrownBy(() -> IdentifierQuery.of(params()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(Problem.FieldError::field)
                        .containsExactly("email", "phone", "handle", "crmId", "chatVisitorId"));
    }

    @Test
    void severalIdentifiersNameTheOnesGiven() {
        assertThatThrownBy(() -> IdentifierQuery.of(params("handle", "@ann", "crmId", "C-1")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(Problem.FieldError::field).containsExactly("handle", "crmId"));
    }

    @Test
    void blankOrUnusableValueNamesItsParameter() {
        assertThatThrownBy(() -> IdentifierQuery.of(params("email", "  ")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(Problem.FieldError::field).containsExactly("email"));
    }
}
