package io.omnipulse.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.CustomerKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributionTest {

    private static final Instant T1 = Instant.parse("2025-03-03T09:00:00Z");

    @Test
    void compatibleLabelsGoToTheOlderGroup() {
        Label old = Label.own("email:ann@example.com", T1);
        Label young = Label.own("visitor:v-9", T1.plusSeconds(60));

        Attribution a = Attribution.of(List.of("email:new@example.com", "visitor:v-9"),
                Map.of("email:new@example.com", young, "visitor:v-9", old), Set.of());

        assertThat(a.customerId()).isEqualTo(old.customerId());
        assertThat(a.conflict()).isFalse();
    }

    @Test
    void differentCrmIdsAreAConflictAttributedToTheStrongestIdentifier() {
        Label a = Label.own("crm:A", T1);
        Label b = Label.own("crm:B", T1.plusSeconds(60));

        Attribution attribution = Attribution.of(List.of("crm:B", "email:x@example.com"),
                Map.of("crm:B", b, "email:x@example.com", a), Set.of());

        assertThat(attribution.conflict()).isTrue();
        assertThat(attribution.customerId()).isEqualTo(CustomerKeys.customerIdOf("crm:B"));
        assertThat(attribution.customerIds()).containsExactly(b.customerId(), a.customerId());
    }

    @Test
    void sharedIdentifiersDoNotCount() {
        Label shared = Label.own("phone:+442079460958", T1);
        Label own = Label.own("email:ann@example.com", T1.plusSeconds(60));

        Attribution a = Attribution.of(List.of("email:ann@example.com", "phone:+442079460958"),
                Map.of("email:ann@example.com", own, "phone:+442079460958", shared), Set.of("phone:+442079460958"));

        assertThat(a.customerId()).isEqualTo(own.customerId());
    }
}
