package io.omnipulse.alerting.persistence;

import io.omnipulse.alerting.domain.AlertContact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;

/**
 * Changes the contact of stored alerts (the contact_* columns of alert, V8__alert_contact.sql), in the
 * caller's transaction, in plain SQL that leaves the version alone, so that a person's change of the
 * alert and these writers never conflict or overwrite each other. Each column is merged in the
 * statement, against the row as it is now: what a concurrent writer stored is never lost. The last
 * channel is the newer contact's, whichever writer comes first. Alerts that are not about a customer,
 * and those of an erased customer, are left alone.
 */
@ApplicationScoped
public class AlertContacts {

    private static final List<String> IDENTIFIERS = List.of("contact_email", "contact_phone", "contact_crm_id",
            "contact_handle", "contact_chat_visitor_id");

    private static final String REPLACE = statement(true);
    private static final String FILL = statement(false);

    @Inject
    EntityManager em;

    /**
     * What one source tells about reaching the customer of an alert. {@code replaces}: each identifier
     * it has replaces the alert's (the alert's latest trigger); otherwise it fills only those the alert
     * lacks (an older trigger, the profile, an alert folded in). None it lacks blanks one.
     */
    public record Change(long alertId, AlertContact contact, boolean replaces) {
    }

    /**
     * Applies the changes as two JDBC batches, replacements first: a replacement and a fill of the same
     * column give the same result in either order, since a fill never overwrites a value.
     */
    public void apply(List<Change> changes) {
        List<Change> relevant = changes.stream().filter(c -> c.contact() != null && !c.contact().isEmpty()).toList();
        if (relevant.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement replace = connection.prepareStatement(REPLACE);
                    PreparedStatement fill = connection.prepareStatement(FILL)) {
                for (Change change : relevant) {
                    PreparedStatement statement = change.replaces() ? replace : fill;
                    bind(statement, change.alertId(), change.contact());
                    statement.addBatch();
                }
                replace.executeBatch();
                fill.executeBatch();
            }
        });
    }

    private static void bind(PreparedStatement statement, long alertId, AlertContact contact) throws SQLException {
        int i = 1;
        // In the order of IDENTIFIERS.
        for (String value : new String[] {contact.email(), contact.phone(), contact.crmId(), contact.handle(),
                contact.chatVisitorId()}) {
            statement.setString(i++, value);
        }
        OffsetDateTime at = contact.lastChannelAt() == null ? null
                : OffsetDateTime.ofInstant(contact.lastChannelAt(), ZoneOffset.UTC);
        statement.setObject(i++, at, Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setString(i++, contact.lastChannel());
        statement.setObject(i++, at, Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setLong(i, alertId);
    }

    /** {@code replace}: coalesce(new, old) per identifier; otherwise coalesce(old, new). */
    private static String statement(boolean replace) {
        StringBuilder sql = new StringBuilder("update alert set ");
        for (String column : IDENTIFIERS) {
            String merged = replace ? "coalesce(?, " + column + ")" : "coalesce(" + column + ", ?)";
            sql.append(column).append(" = ").append(merged).append(", ");
        }
        return sql.append("""
                contact_last_channel = case when ? > coalesce(contact_last_channel_at, '-infinity')
                                            then ? else contact_last_channel end,
                contact_last_channel_at = greatest(contact_last_channel_at, ?)
                 where id = ? and scope = 'CUSTOMER' and context_status <> 'ERASED'
                """).toString();
    }
}
