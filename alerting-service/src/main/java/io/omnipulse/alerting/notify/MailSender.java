package io.omnipulse.alerting.notify;

import io.omnipulse.alerting.domain.AlertContact;
import io.omnipulse.alerting.persistence.Alert;
import io.omnipulse.events.AlertEvent;
import io.omnipulse.events.AlertEscalated;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/** Sends the alert mail through quarkus-mailer (SMTP from quarkus.mailer.*); never throws. */
@ApplicationScoped
public class MailSender {

    private final Mailer mailer;

    public MailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    public DeliveryResult send(String recipients, Alert alert, AlertEvent event) {
        List<String> to = Arrays.stream(recipients.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        try {
            Mail mail = new Mail().setTo(to).setSubject(subject(alert, event)).setText(text(alert, event));
            mailer.send(mail);
            return DeliveryResult.ok(null);
        } catch (RuntimeException e) {
            // SMTP refused or unreachable: try again later.
            return DeliveryResult.transientError(e.toString());
        }
    }

    static String subject(Alert alert, AlertEvent event) {
        String what = event instanceof AlertEscalated ? "ESCALATED" : "new";
        return "[OmniPulse] " + what + " " + alert.severity + " " + alert.cause + " alert #" + alert.id + " for "
                + alert.scope.name().toLowerCase() + " " + alert.customerId;
    }

    static String text(Alert alert, AlertEvent event) {
        StringBuilder out = new StringBuilder();
        out.append("Alert #").append(alert.id).append(" (").append(alert.cause).append(", ").append(alert.severity)
                .append(", ").append(alert.status).append(")\n");
        out.append("Why: ").append(alert.reason).append('\n');
        if (event instanceof AlertEscalated escalated) {
            out.append("Escalated: ").append(escalated.reason()).append('\n');
        }
        line(out, "Score", alert.score);
        line(out, "Comment", alert.comment);
        line(out, "Team", alert.team);
        line(out, "Channel", alert.ratedChannel != null ? alert.ratedChannel : alert.channel);
        line(out, "Agent", alert.ratedAgentId != null ? alert.ratedAgentId : alert.agentId);
        line(out, "Transfers", alert.ratedTransfers);
        line(out, "Wait (s)", alert.ratedWaitSeconds);
        line(out, "Acknowledge by", alert.acknowledgeDueAt);
        line(out, "Resolve by", alert.resolveDueAt);
        contact(out, alert.contact());
        return out.toString();
    }

    /** How to reach the customer, read from the alert when the mail is written (never from Kafka). */
    private static void contact(StringBuilder out, AlertContact contact) {
        if (contact == null) {
            return;
        }
        line(out, "Customer e-mail", contact.email());
        line(out, "Customer phone", contact.phone());
        line(out, "Customer CRM id", contact.crmId());
        line(out, "Customer handle", contact.handle());
        line(out, "Customer chat visitor id", contact.chatVisitorId());
        line(out, "Customer's last channel", contact.lastChannel());
    }

    private static void line(StringBuilder out, String label, Object value) {
        if (value != null) {
            out.append(label).append(": ").append(value).append('\n');
        }
    }
}
