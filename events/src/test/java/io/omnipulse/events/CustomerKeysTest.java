package io.omnipulse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

    /**
     * A keyed hash: nobody who lacks the deployment's key can tell whose id it is by hashing a list of
     * addresses, and another key gives other ids.
     */
    @Test
    void theIdIsAKeyedHashNotAPlainHashOfTheIdentifier() throws Exception {
        String typed = "email:ann@example.com";
        String plain = "cus-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(typed.getBytes(StandardCharsets.UTF_8)), 0, 8);
        String developmentId = CustomerKeys.customerIdOf(typed);
        assertThat(developmentId).startsWith("cus-").hasSize(20).isNotEqualTo(plain)
                .isEqualTo(CustomerKeys.customerIdOf(typed));
        try {
            CustomerKeys.useHmacKey("another deployment's key, 32 bytes or more".getBytes(StandardCharsets.UTF_8));
            assertThat(CustomerKeys.customerIdOf(typed)).startsWith("cus-").hasSize(20).isNotEqualTo(developmentId)
                    .isNotEqualTo(plain);
        } finally {
            CustomerKeys.useHmacKey(Base64.getDecoder().decode(CustomerKeys.DEVELOPMENT_HMAC_KEY));
        }
        assertThat(CustomerKeys.customerIdOf(typed)).isEqualTo(developmentId);
        assertThatThrownBy(() -> CustomerKeys.useHmacKey(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Ids are remembered per key: asked again, under the key in use, an identifier gets the HMAC of that
     * key, never an id remembered from the key before.
     */
    @Test
    void aRememberedIdIsTheHmacOfTheKeyInUse() throws Exception {
        String typed = "email:bob@example.com";
        byte[] development = Base64.getDecoder().decode(CustomerKeys.DEVELOPMENT_HMAC_KEY);
        byte[] another = "another deployment's key, 32 bytes or more".getBytes(StandardCharsets.UTF_8);
        try {
            for (byte[] key : List.of(development, another, development)) {
                CustomerKeys.useHmacKey(key);
                for (int ask = 0; ask < 2; ask++) {
                    assertThat(CustomerKeys.customerIdOf(typed)).as("ask %d", ask).isEqualTo(hmacId(key, typed));
                }
            }
        } finally {
            CustomerKeys.useHmacKey(development);
        }
    }

    private static String hmacId(byte[] key, String typed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return "cus-" + HexFormat.of().formatHex(mac.doFinal(typed.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    @Test
    void nationalAndInternationalFormsOfOneNumberGiveOneE164ValueAndOneCustomerId() {
        List<String> forms = List.of("020 7946 1000", "+44 20 7946 1000", "0044 20 7946 1000", "(020) 7946-1000",
                "+44 (0)20 7946 1000");

        for (String form : forms) {
            assertThat(CustomerKeys.phone(form, "GB")).as(form).isEqualTo("+442079461000");
            assertThat(CustomerKeys.customerId(phoneOnly(form), "GB")).as(form)
                    .isEqualTo(CustomerKeys.customerIdOf("phone:+442079461000"));
        }
    }

    @Test
    void aForeignNumberWrittenInternationallyKeepsItsCountry() {
        assertThat(CustomerKeys.phone("+48 600 100 200", "GB")).isEqualTo("+48600100200");
        assertThat(CustomerKeys.phone("0048 600 100 200", "GB")).isEqualTo("+48600100200");
        assertThat(CustomerKeys.phone("+48 600 100 200", "US")).isEqualTo("+48600100200");
    }

    @Test
    void theRegionDecidesTheCountryOfNationalNumbers() {
        assertThat(CustomerKeys.phone("600 100 200", "PL")).isEqualTo("+48600100200");
        assertThat(CustomerKeys.phone("600 100 200", "pl")).isEqualTo("+48600100200");
        assertThat(CustomerKeys.phone("(202) 555-0143", "US")).isEqualTo("+12025550143");
        assertThat(CustomerKeys.customerId(phoneOnly("600 100 200"), "PL"))
                .isEqualTo(CustomerKeys.customerId(phoneOnly("+48 600 100 200"), "GB"));
    }

    @Test
    void theFormsWithoutARegionReadNationalNumbersInTheDefaultRegion() {
        assertThat(CustomerKeys.DEFAULT_REGION).isEqualTo("GB");
        assertThat(CustomerKeys.phone("020 7946 1000")).isEqualTo("+442079461000");
        assertThat(CustomerKeys.typed(CustomerKeys.PHONE, "020 7946 1000")).isEqualTo("phone:+442079461000");
        assertThat(CustomerKeys.customerId(phoneOnly("020 7946 1000")))
                .isEqualTo(CustomerKeys.customerId(phoneOnly("020 7946 1000"), "GB"));
    }

    @Test
    void aNumberThatIsNotPossibleKeepsItsDigitsSoItStillKeysTheSameCallerEveryTime() {
        // An extension, a number too long for its country, an unknown calling code: not E.164-able.
        assertThat(CustomerKeys.e164("(600) 1", "GB")).isNull();
        assertThat(CustomerKeys.phone("(600) 1", "GB")).isEqualTo("6001");
        assertThat(CustomerKeys.phone("+44 20 7946 1000 1234", "GB")).isEqualTo("+442079461000" + "1234");
        assertThat(CustomerKeys.phone("00 999 123", "GB")).isEqualTo("+999123");
        assertThat(CustomerKeys.phone(" - ", "GB")).isNull();
        assertThat(CustomerKeys.phone("withheld", "GB")).isNull();
    }

    @Test
    void e164IsOnlyGivenForPossibleNumbers() {
        assertThat(CustomerKeys.e164(" 020 7946 1000 ", "GB")).isEqualTo("+442079461000");
        assertThat(CustomerKeys.e164("123", "GB")).isNull();
        assertThat(CustomerKeys.e164("+1234567890123456", "GB")).isNull();
        assertThat(CustomerKeys.e164(null, "GB")).isNull();
    }

    @Test
    void anUnknownRegionIsRefusedWithTheCodesThatWork() {
        assertThat(CustomerKeys.region(" gb ")).isEqualTo("GB");
        assertThatThrownBy(() -> CustomerKeys.phone("020 7946 1000", "UK"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'UK'").hasMessageContaining("ISO 3166");
        assertThatThrownBy(() -> CustomerKeys.region("44")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CustomerKeys.region(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handlesKeepTheirPlatformLowerCasedWithoutBlanksOrAt() {
        assertThat(CustomerKeys.handle(" Twitter:@Ann_W ")).isEqualTo("twitter:ann_w");
        assertThat(CustomerKeys.handle("Instagram: AnnW")).isEqualTo("instagram:annw");
        assertThat(CustomerKeys.handle("@Ann")).isEqualTo("@ann");
        assertThat(CustomerKeys.handle(" @ ")).isNull();
    }

    @Test
    void crmAndVisitorIdsAreTrimmedButKeepTheirCase() {
        assertThat(CustomerKeys.typed(CustomerKeys.CRM, "\tCRM-1 ")).isEqualTo("crm:CRM-1");
        assertThat(CustomerKeys.typed(CustomerKeys.VISITOR, " V-9\n")).isEqualTo("visitor:V-9");
    }

    @Test
    void blankIdentifiersNameNobody() {
        CustomerIds ids = new CustomerIds(" ", "", null, "  ", null);

        assertThat(ids.isEmpty()).isTrue();
        assertThat(CustomerKeys.customerId(ids)).isNull();
    }

    private static CustomerIds phoneOnly(String phone) {
        return new CustomerIds(null, null, phone, null, null);
    }
}
