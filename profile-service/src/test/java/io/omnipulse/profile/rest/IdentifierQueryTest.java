package io.omnipulse.profile.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.Problem;
import io.omnipulse.profile.domain.IdentifierNormaliser;
import io.omnipulse.profile.domain.IdentityRules;
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

    private static IdentifierQuery of(Map<String, String> given) {
        return IdentifierQuery.of(given, new IdentifierNormaliser(IdentityRules.DEFAULTS));
    }

    @Test
    void theOneIdentifierGivenIsTypedAndNormalised() {
        assertThat(of(params("email", " Ann@Example.com ")).typedIdentifier())
                .isEqualTo("email:ann@example.com");
        assertThat(of(params("phone", "0044 20 7946 0958")).typedIdentifier())
                .isEqualTo("phone:+442079460958");
        assertThat(of(params("crmId", "C-1")).typedIdentifier()).isEqualTo("crm:C-1");
        assertThat(of(params("chatVisitorId", "v-42")).typedIdentifier()).isEqualTo("visitor:v-42");
        assertThat(of(params("handle", "@Ann")).typedIdentifier()).isEqualTo("handle:@ann");
        assertThat(of(params("phone", "020 7946 0958")).typedIdentifier()).isEqualTo("phone:+442079460958");
    }

    @Test
    void aPhoneLookupFindsTheNumberInAnyFormItWasWritten() {
        for (String form : new String[] {"020 7946 1000", "+44 20 7946 1000", "0044 20 7946 1000", "(020) 7946-1000"}) {
            assertThat(of(params("phone", form)).typedIdentifier()).as(form).isEqualTo("phone:+442079461000");
        }
        IdentifierNormaliser poland = new IdentifierNormaliser(
                new IdentityRules("PL", IdentityRules.DEFAULTS.junkValues(), IdentityRules.DEFAULTS.junkEmailPrefixes(), 5, 50));
        assertThat(IdentifierQuery.of(params("phone", "600 100 200"), poland).typedIdentifier())
                .isEqualTo("phone:+48600100200");
    }

    @Test
    void aPhoneThatIsNoPossibleNumberNamesItsParameter() {
        assertThatThrownBy(() -> of(params("phone", "123")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(Problem.FieldError::field).containsExactly("phone"));
    }

    @Test
    void junkValueIsNoUsableIdentifier() {
        assertThatThrownBy(() -> of(params("email", "noreply@example.com")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(Problem.FieldError::field).containsExactly("email"));
        assertThatThrownBy(() -> of(params("chatVisitorId", "anonymous")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void noIdentifierNamesEveryAllowedParameter() {
        assertThatThrownBy(() -> of(params()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(Problem.FieldError::field)
                        .containsExactly("email", "phone", "handle", "crmId", "chatVisitorId"));
    }

    @Test
    void severalIdentifiersNameTheOnesGiven() {
        assertThatThrownBy(() -> of(params("handle", "@ann", "crmId", "C-1")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(Problem.FieldError::field).containsExactly("handle", "crmId"));
    }

    @Test
    void blankOrUnusableValueNamesItsParameter() {
        assertThatThrownBy(() -> of(params("email", "  ")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(Problem.FieldError::field).containsExactly("email"));
    }
}
