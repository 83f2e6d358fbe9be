package io.omnipulse.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentifierNormaliserTest {

    private final IdentifierNormaliser uk = new IdentifierNormaliser(IdentityRules.DEFAULTS);
    private final IdentifierNormaliser poland = new IdentifierNormaliser(inRegion("PL"));

    @Test
    void emailIsTrimmedAndLowerCased() {
        assertThat(uk.typed("email", "  Ann@Example.COM ")).isEqualTo("email:ann@example.com");
        assertThat(uk.typed("email", "not-an-address")).isNull();
    }

    @Test
    void phoneNumbersBecomeE164WithTheDefaultRegionForNationalNumbers() {
        assertThat(uk.typed("phone", "+44 20 7946 0958")).isEqualTo("phone:+442079460958");
        assertThat(uk.typed("phone", "0044 (20) 7946-0958")).isEqualTo("phone:+442079460958");
        assertThat(uk.typed("phone", "020 7946 0958")).isEqualTo("phone:+442079460958");
        assertThat(poland.typed("phone", "600 100 200")).isEqualTo("phone:+48600100200");
        assertThat(poland.typed("phone", "+48 600-100-200")).isEqualTo("phone:+48600100200");
    }

    @Test
    void nationalAndInternationalFormsOfOneNumberAreOneIdentifier() {
        for (String form : List.of("020 7946 1000", "+44 20 7946 1000", "0044 20 7946 1000", "(020) 7946-1000")) {
            assertThat(uk.typed("phone", form)).as(form).isEqualTo("phone:+442079461000");
        }
    }

    @Test
    void aForeignNumberKeepsItsCountryWhateverTheDefaultRegion() {
        assertThat(uk.typed("phone", "+48 600 100 200")).isEqualTo("phone:+48600100200");
        assertThat(poland.typed("phone", "+44 20 7946 1000")).isEqualTo("phone:+442079461000");
        assertThat(poland.typed("phone", "020 7946 1000")).as("too long for a Polish number").isNull();
    }

    @Test
    void theRegionIsCheckedWhenTheNormaliserIsBuilt() {
        assertThat(new IdentifierNormaliser(inRegion(" gb ")).typed("phone", "020 7946 1000"))
                .isEqualTo("phone:+442079461000");
        assertThatThrownBy(() -> new IdentifierNormaliser(inRegion("44")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'44'");
        assertThatThrownBy(() -> new IdentifierNormaliser(inRegion("UK")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO 3166");
    }

    @Test
    void unusablePhoneNumbersAreRejected() {
        assertThat(uk.typed("phone", "n/a")).isNull();
        assertThat(uk.typed("phone", "call me")).isNull();
        assertThat(uk.typed("phone", "123")).isNull();
        assertThat(uk.typed("phone", "+1234567890123456")).isNull();
        assertThat(uk.typed("phone", "7946 1000")).as("local only: the area code is missing").isNull();
    }

    @Test
    void handlesKeepTheirPlatformLowerCased() {
        assertThat(uk.typed("handle", " Twitter:@Ann_W ")).isEqualTo("handle:twitter:ann_w");
        assertThat(uk.typed("handle", "instagram:AnnW")).isEqualTo("handle:instagram:annw");
    }

    @Test
    void junkValuesIdentifyNobody() {
        assertThat(uk.typed("email", "NULL")).isNull();
        assertThat(uk.typed("email", "unknown@example.com")).isNull();
        assertThat(uk.typed("email", "noreply@shop.example")).isNull();
        assertThat(uk.typed("email", "No-Reply@shop.example")).isNull();
        assertThat(uk.typed("visitor", "anonymous")).isNull();
        assertThat(uk.typed("crm", " ")).isNull();
        assertThat(uk.typed("phone", "0000 000000")).isNull();
        assertThat(uk.typed("phone", "+44 7777 777777")).isNull();
        assertThat(uk.typed("phone", "1111111111")).isNull();
    }

    @Test
    void blockListIsConfigurable() {
        IdentifierNormaliser strict = new IdentifierNormaliser(
                new IdentityRules("GB", Set.of("guest"), List.of("support"), 5, 50));
        assertThat(strict.typed("visitor", "Guest")).isNull();
        assertThat(strict.typed("email", "support@shop.example")).isNull();
        assertThat(strict.typed("visitor", "anonymous")).isEqualTo("visitor:anonymous");
    }

    @Test
    void anEventsIdentifiersComeStrongestFirstWithJunkSetApart() {
        var normalised = uk.normalise(new CustomerIds(" C-1 ", "noreply@shop.example", "020 7946 0958", null, "v-9"));

        assertThat(normalised.usable()).containsExactly("crm:C-1", "phone:+442079460958", "visitor:v-9");
        assertThat(normalised.junk()).containsExactly("email:noreply@shop.example");
        assertThat(IdentifierNormaliser.strength("crm:C-1")).isLessThan(IdentifierNormaliser.strength("visitor:v-9"));
    }

    @Test
    void theStrongestUsableIdentifierIsTheOneIngestKeyedTheRecordBy() {
        List<CustomerIds> events = List.of(
                new CustomerIds(null, " Ann@Example.com ", "020 7946 1000", null, "v-1"),
                new CustomerIds(null, null, "(020) 7946-1000", "twitter:@Ann", null),
                new CustomerIds(null, null, "0044 20 7946 1000", null, null),
                new CustomerIds(null, null, null, " Twitter: @Ann ", "v-2"),
                new CustomerIds(" C-7 ", "ann@example.com", null, null, null),
                new CustomerIds(null, null, null, null, " v-3 "));

        for (CustomerIds ids : events) {
            String strongest = uk.normalise(ids).usable().get(0);
            assertThat(CustomerKeys.customerIdOf(strongest)).as(ids.toString())
                    .isEqualTo(CustomerKeys.customerId(ids, IdentityRules.DEFAULTS.defaultRegion()));
        }
        CustomerIds national = new CustomerIds(null, null, "600 100 200", null, null);
        assertThat(CustomerKeys.customerIdOf(poland.normalise(national).usable().get(0)))
                .isEqualTo(CustomerKeys.customerId(national, "PL"))
                .isEqualTo(CustomerKeys.customerIdOf("phone:+48600100200"));
    }

    private static IdentityRules inRegion(String region) {
        return new IdentityRules(region, Set.of(), List.of(), 5, 50);
    }
}
