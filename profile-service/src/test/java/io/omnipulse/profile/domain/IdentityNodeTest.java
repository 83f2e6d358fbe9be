package io.omnipulse.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.CustomerKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityNodeTest {

    private static final Instant T1 = Instant.parse("2025-03-03T09:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final IdentityRules RULES = IdentityRules.DEFAULTS;

    @Test
    void olderGroupWinsWhateverOrderTheLabelsArriveIn() {
        Label ann = Label.own("email:ann@example.com", T1);
        Label visitor = Label.own("visitor:v-9", T2);

        assertThat(ann.join(visitor)).isEqualTo(ann);
        assertThat(visitor.join(ann)).isEqualTo(ann);
        assertThat(ann.customerId()).isEqualTo(CustomerKeys.customerIdOf("email:ann@example.com"));
    }

    @Test
    void sameFirstSeenTimeIsDecidedByStrengthThenId() {
        Label email = Label.own("email:ann@example.com", T1);
        Label phone = Label.own("phone:+442079460958", T1);

        assertThat(phone.join(email)).isEqualTo(email);
        assertThat(email.join(phone)).isEqualTo(email);
    }

    @Test
    void aGroupWithACrmIdIsIdentifiedByItAndNeverJoinsAnotherCrmId() {
        Label anon = Label.own("email:ann@example.com", T1);
        Label crm = Label.own("crm:C-1", T2);
        Label other = Label.own("crm:C-2", T1);

        Label joined = anon.join(crm);
        assertThat(joined.crmId()).isEqualTo("C-1");
        assertThat(joined.since()).isEqualTo(T1);
        assertThat(joined.customerId()).isEqualTo(CustomerKeys.customerIdOf("crm:C-1"));
        assertThat(joined.compatibleWith(other)).isFalse();
    }

    @Test
    void claimLinksTheEventsIdentifiersAndOffersTheLabelToThem() {
        IdentityNode.Step step = IdentityNode.empty()
                .claim("visitor:v-9", List.of("email:ann@example.com", "visitor:v-9"), T2, RULES);

        assertThat(step.node().links()).containsExactly("email:ann@example.com");
        assertThat(step.offerTo()).containsExactly("email:ann@example.com");
        assertThat(step.node().label()).isEqualTo(Label.own("visitor:v-9", T2));
    }

    @Test
    void offerOfAnOlderGroupMovesTheLabelAndIsPassedOn() {
        IdentityNode node = IdentityNode.empty()
                .claim("visitor:v-9", List.of("email:new@example.com", "visitor:v-9"), T2, RULES).node();
        Label older = Label.own("email:ann@example.com", T1);

        IdentityNode.Step step = node.offer(older);

        assertThat(step.labelChanged()).isTrue();
        assertThat(step.node().label()).isEqualTo(older);
        assertThat(step.offerTo()).containsExactly("email:new@example.com");
        assertThat(step.node().offer(Label.own("email:late@example.com", T2)).labelChanged()).isFalse();
    }

    @Test
    void claimWithAnotherCrmIdLinksNothing() {
        IdentityNode node = IdentityNode.empty().claim("email:x@example.com", List.of("crm:A", "email:x@example.com"),
                T1, RULES).node().offer(Label.own("crm:A", T1)).node();

        IdentityNode.Step step = node.claim("email:x@example.com", List.of("crm:B", "email:x@example.com"), T2, RULES);

        assertThat(step.conflict()).isTrue();
        assertThat(step.node().label().crmId()).isEqualTo("A");
        assertThat(step.node().links()).containsExactly("crm:A");
        assertThat(step.offerTo()).isEmpty();
    }

    @Test
    void identifierSeenOnTooManyCustomersBecomesSharedAndLinksNobody() {
        IdentityRules rules = RULES.withMaxCustomersPerIdentifier(2);
        IdentityNode node = IdentityNode.empty();
        for (String email : List.of("a@x.com", "b@x.com")) {
            node = node.claim("phone:+442079460958", List.of("email:" + email, "phone:+442079460958"), T1, rules).node();
        }
        assertThat(node.shared()).isFalse();

        IdentityNode.Step step = node.claim("phone:+442079460958", List.of("email:c@x.com", "phone:+442079460958"),
                T2, rules);

        assertThat(step.becameShared()).isTrue();
        assertThat(step.node().links()).isEmpty();
        assertThat(step.node().offer(Label.own("email:z@x.com", T1.minusSeconds(60))).labelChanged()).isFalse();
    }

    @Test
    void linksPerIdentifierAreBounded() {
        IdentityRules rules = new IdentityRules("44", java.util.Set.of(), List.of(), 100, 3);
        IdentityNode node = IdentityNode.empty();
        for (int i = 0; i < 4; i++) {
            node = node.claim("crm:A", List.of("crm:A", "visitor:v-" + i), T1, rules).node();
        }
        assertThat(node.shared()).isTrue();
        assertThat(node.links()).isEmpty();
    }
}
