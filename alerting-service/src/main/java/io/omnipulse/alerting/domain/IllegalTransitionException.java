package io.omnipulse.alerting.domain;

/** An action that the alert's current status does not allow; the API answers 409. */
public class IllegalTransitionException extends RuntimeException {

    private final AlertStatus from;
    private final AlertAction action;

    public IllegalTransitionException(AlertStatus from, AlertAction action) {
        super("cannot " + action.name().toLowerCase(java.util.Locale.ROOT) + " an alert that is "
                + from.name().toLowerCase(java.util.Locale.ROOT));
        this.from = from;
        this.action = action;
    }

    public AlertStatus from() {
        return from;
    }

    public AlertAction action() {
        return action;
    }
}
