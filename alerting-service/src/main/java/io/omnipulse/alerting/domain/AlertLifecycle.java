package io.omnipulse.alerting.domain;

/**
 * The closed loop as a pure state machine (cx-domain.md):
 * <pre>
 *   OPEN ──acknowledge──> ACKNOWLEDGED ──resolve──> RESOLVED
 *     │                        │                       ^
 *     └──escalate──> ESCALATED ┴──acknowledge / resolve┘
 * </pre>
 * Escalation (a deadline passed) is possible from every unresolved status, including ESCALATED
 * (a second deadline). Assignment keeps the status; notes are allowed at any time, also on a
 * resolved alert (what happened afterwards). A resolved alert is final: a new trigger opens a new one.
 */
public final class AlertLifecycle {

    private AlertLifecycle() {
    }

    /** The status after {@code action}; throws when the action is not allowed from {@code from}. */
    public static AlertStatus next(AlertStatus from, AlertAction action) {
        AlertStatus to = switch (action) {
            case ACKNOWLEDGE -> from == AlertStatus.OPEN || from == AlertStatus.ESCALATED
                    ? AlertStatus.ACKNOWLEDGED : null;
            case ASSIGN -> from != AlertStatus.RESOLVED ? from : null;
            case ESCALATE -> from != AlertStatus.RESOLVED ? AlertStatus.ESCALATED : null;
            case RESOLVE -> from != AlertStatus.RESOLVED ? AlertStatus.RESOLVED : null;
            case NOTE -> from;
        };
        if (to == null) {
            throw new IllegalTransitionException(from, action);
        }
        return to;
    }

    public static boolean allows(AlertStatus from, AlertAction action) {
        try {
            next(from, action);
            return true;
        } catch (IllegalTransitionException e) {
            return false;
        }
    }
}
