package io.omnipulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerKeysTest {

    @Test
    void strongestIdentifierWinsAndIsNormalised() {
        CustomerIds ids = new CustomerIds(null, "  Ann@Example.COM ", "+48 600-100-200", null, "v-9");

        assertThat(CustomerKeys.identifiers(ids))
                .containsExactly("email:ann@example.com", "phone:+48600100200", "visitor:v-9");
        assertThat(CustomerKeys.primaryIdentifier(ids)).isEqualTo("email:ann@example.com");
    }

    @Test
    void crmIdBeatsEveryOtherIdentifier() {
        CustomerIds ids = new CustomerIds(" CRM-1 ", "ann@example.com", null, null, null);

        assertThat(CustomerKeys.primaryIdentifier(ids)).isEqualTo("crm:CRM-1");
    }

    @Test
    void sameIdentifierWrittenDifferentlyGivesTheSameCustomerId() {
        String a = CustomerKeys.customerId(new CustomerIds(null, "ann@example.com", null, null, null));
        String b = CustomerKeys.customerId(new CustomerIds(null, " ANN@example.com", null, null, null));
        String lookup = CustomerKeys.customerIdOf(CustomerKeys.typed(CustomerKeys.EMAIL, "Ann@Example.com"));

        assertThat(a).startsWith("cus-").hasSize(20).isEqualTo(b).isEqualTo(lookup);
    }

    @Test
    void internationalPrefixesAreUnified() {
        assertThat(CustomerKeys.phone("0048 600 100 200")).isEqualTo("+48600100200");
        assertThat(CustomerKeys.phone("(600) 100 200")).isEqualTo("600100200");
        assertThat(CustomerKeys.phone(" - ")).isNull();
    }

    @Test
    void blankIdentifiersNameNobody() {
        CustomerIds ids = new CustomerIds(" ", "", null, "  ", null);

        assertThat(ids.isEmpty()).isTrue();
        assertThat(CustomerKeys.customerId(ids)).isNull();
    }
}
