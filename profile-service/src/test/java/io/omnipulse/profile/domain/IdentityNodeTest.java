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
        String self = "visitor:v-9";
        IdentityNode node = IdentityNode.empty()
                .claim(self, List.of("email:new@example.com", self), T2, RULES).node();
        Label older = Label.own("email:ann@example.com", T1);

        IdentityNode.Step step = node.offered(self, "email:new@example.com", Offer.own(older), RULES);

        assertThat(step.labelChanged()).isTrue();
        assertThat(step.node().label()).isEqualTo(older);
        assertThat(step.offer().oldest()).isEqualTo(new Reach(older, 1));
        assertThat(step.offerTo()).containsExactly("email:new@example.com");
        IdentityNode.Step younger = step.node().offered(self, "email:late@example.com",
                Offer.own(Label.own("email:late@example.com", T2)), RULES);
        assertThat(younger.labelChanged()).isFalse();
        assertThat(younger.offerTo()).isEmpty();
    }

    @Test
    void claimWithAnotherCrmIdStillLinksAndTheNearestCrmIdWins() {
        String self = "email:x@example.com";
        IdentityNode node = IdentityNode.empty().claim(self, List.of("crm:B", self), T1, RULES).node()
                .offered(self, "crm:B", Offer.own(Label.own("crm:B", T1)), RULES).node();

        IdentityNode.Step step = node.claim(self, List.of("crm:A", self), T2, RULES);
        IdentityNode equallyNear = step.node().offered(self, "crm:A", Offer.own(Label.own("crm:A", T2)), RULES).node();
        IdentityNode nearer = IdentityNode.empty().claim(self, List.of("crm:B", self), T1, RULES).node()
                .offered(self, "crm:B", Offer.own(Label.own("crm:B", T1)), RULES).node()
                .offered(self, "visitor:v-1", new Offer(new Reach(Label.own("crm:A", T1), 1), null), RULES).node();

        assertThat(step.node().links()).containsExactly("crm:B", "crm:A");
        assertThat(step.offerTo()).containsExactly("crm:A");
        assertThat(equallyNear.label().crmId()).as("equally near: crm ids in a fixed order").isEqualTo("A");
        assertThat(nearer.label().crmId()).as("crm:A is two links away, crm:B one").isEqualTo("B");
    }

    @Test
    void identifierSeenOnTooManyCustomersBecomesSharedAndLinksNobody() {
        IdentityRules rules = RULES.withMaxCustomersPerIdentifier(2);
        String self = "phone:+442079460958";
        IdentityNode node = IdentityNode.empty();
        for (String email : List.of("a@x.com", "b@x.com")) {
            node = node.claim(self, List.of("email:" + email, self), T1, rules).node();
        }
        assertThat(node.shared()).isFalse();

        IdentityNode.Step step = node.claim(self, List.of("email:c@x.com", self), T2, rules);

        assertThat(step.becameShared()).isTrue();
        assertThat(step.withdrawTo()).containsExactly("email:a@x.com", "email:b@x.com");
        assertThat(step.node().links()).isEmpty();
        assertThat(step.node().heard()).isEmpty();
        assertThat(step.node().label()).isEqualTo(Label.own(self, T1));
        assertThat(step.node().offered(self, "email:z@x.com", Offer.own(Label.own("email:z@x.com", T1.minusSeconds(60))),
                rules).labelChanged()).isFalse();
    }

    @Test
    void aWithdrawnOfferIsForgottenAndTheOwnCustomerComesBackAsASplit() {
        String self = "visitor:v-9";
        Label older = Label.own("email:ann@example.com", T1);
        IdentityNode joined = IdentityNode.empty().claim(self, List.of("phone:+442079460958", self), T2, RULES).node()
                .offered(self, "phone:+442079460958", new Offer(null, new Reach(older, 1)), RULES).node();
        assertThat(joined.label()).isEqualTo(older);

        IdentityNode.Step step = joined.withdrawn(self, "phone:+442079460958");

        assertThat(step.node().label()).isEqualTo(Label.own(self, T2));
        assertThat(step.node().heard()).isEmpty();
        assertThat(step.split()).isTrue();
        assertThat(step.offerTo()).containsExactly("phone:+442079460958");
    }

    @Test
    void aLateEarlierEventMakesTheOwnCustomerComeBackWithoutASplit() {
        String self = "email:y@example.com";
        Label older = Label.own("email:x@example.com", T1);
        IdentityNode joined = IdentityNode.empty().claim(self, List.of(self), T2, RULES).node()
                .offered(self, "visitor:v-2", new Offer(null, new Reach(older, 2)), RULES).node();

        IdentityNode.Step step = joined.claim(self, List.of(self), T1.minusSeconds(60), RULES);

        assertThat(step.node().label()).isEqualTo(Label.own(self, T1.minusSeconds(60)));
        assertThat(step.split()).isFalse();
    }

    @Test
    void labelsFurtherThanTheHopCapAreForgotten() {
        String self = "visitor:v-9";
        Label older = Label.own("email:ann@example.com", T1);
        IdentityNode node = IdentityNode.empty().claim(self, List.of(self, "visitor:v-8"), T2, RULES).node();

        IdentityNode atCap = node.offered(self, "visitor:v-8", new Offer(null, new Reach(older, Reach.MAX_HOPS - 1)),
                RULES).node();
        IdentityNode beyond = atCap.offered(self, "visitor:v-8", new Offer(null, new Reach(older, Reach.MAX_HOPS)),
                RULES).node();

        assertThat(atCap.label()).isEqualTo(older);
        assertThat(beyond.label()).isEqualTo(Label.own(self, T2));
        assertThat(beyond.heard()).isEmpty();
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
