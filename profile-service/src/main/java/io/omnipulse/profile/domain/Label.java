package io.omnipulse.profile.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.omnipulse.events.CustomerKeys;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A customer as identity resolution names it: its representative identifier (the crm identifier of a
 * crm territory, else the oldest identifier of its group; rank: first-seen event time, then strength,
 * then id) and its crmId. {@link IdentityNode} decides which label each identifier carries;
 * {@link #join} and {@link #compatibleWith} decide where one event goes (see {@link Attribution}).
 *
 * @param since    event time the representative identifier was first seen
 * @param strength strength of the representative (0 = crm ... 4 = chat visitor)
 * @param repId    foundation id of the representative: {@code CustomerKeys.customerIdOf(identifier)}
 * @param crmId    the group's crmId, null while none is known
 */
public record Label(Instant since, int strength, String repId, String crmId) {

    /** Older first: first-seen event time, then strength, then id. */
    static final Comparator<Label> RANK = Comparator.comparing(Label::since, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(Label::strength)
            .thenComparing(Label::repId);

    /** The label an identifier has on its own, first seen at {@code firstSeen}. */
    public static Label own(String typedIdentifier, Instant firstSeen) {
        return new Label(firstSeen, IdentifierNormaliser.strength(typedIdentifier),
                CustomerKeys.customerIdOf(typedIdentifier), crmOf(typedIdentifier));
    }

    /**
     * The customer id of the group. A group with a crmId is identified by it, so two groups with
     * different crmIds can never share an id, whatever order their events came in; otherwise the
     * oldest identifier's id survives.
     */
    @JsonIgnore
    public String customerId() {
        return crmId == null ? repId : CustomerKeys.customerIdOf(CustomerKeys.CRM + ":" + crmId);
    }

    /** Two groups may merge unless they carry different crmIds. */
    public boolean compatibleWith(Label other) {
        return other == null || crmId == null || other.crmId == null || crmId.equals(other.crmId);
    }

    /** The group of both: the older representative and whichever crmId is known. Callers check compatibility. */
    public Label join(Label other) {
        if (other == null) {
            return this;
        }
        Label older = RANK.compare(this, other) <= 0 ? this : other;
        String crm = crmId != null ? crmId : other.crmId;
        return Objects.equals(crm, older.crmId) ? older : new Label(older.since, older.strength, older.repId, crm);
    }

    public static Label join(Label a, Label b) {
        return a == null ? b : a.join(b);
    }

    private static String crmOf(String typedIdentifier) {
        return typedIdentifier.startsWith(CustomerKeys.CRM + ":") ? IdentifierNormaliser.valueOf(typedIdentifier) : null;
    }
}
