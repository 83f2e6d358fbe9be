package io.omnipulse.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.CustomerIds;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentifierNormaliserTest {

    private final IdentifierNormaliser uk = new IdentifierNormaliser(IdentityRules.DEFAULTS);

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
        IdentifierNormaliser poland = new IdentifierNormaliser(new IdentityRules("+48", Set.of(), List.of(), 5, 50));
        assertThat(poland.typed("phone", "600 100 200")).isEqualTo("phone:+48600100200");
        assertThat(poland.typed("phone", "+48 600-100-200")).isEqualTo("phone:+48600100200");
    }

    @Test
    void unusablePhoneNumbersAreRejected() {
        assertThat(uk.typed("phone", "n/a")).isNull();
        assertThat(uk.typed("phone", "call me")).isNull();
        assertThat(uk.typed("phone", "123")).isNull();
        assertThat(uk.typed("phone", "+1234567890123456")).isNull();
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
                new IdentityRules("44", Set.of("guest"), List.of("support"), 5, 50));
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
}
