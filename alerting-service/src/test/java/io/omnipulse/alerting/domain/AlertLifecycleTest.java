package io.omnipulse.alerting.domain;

import static io.omnipulse.alerting.domain.AlertAction.ACKNOWLEDGE;
import static io.omnipulse.alerting.domain.AlertAction.ASSIGN;
import static io.omnipulse.alerting.domain.AlertAction.ESCALATE;
import static io.omnipulse.alerting.domain.AlertAction.NOTE;
import static io.omnipulse.alerting.domain.AlertAction.RESOLVE;
import static io.omnipulse.alerting.domain.AlertStatus.ACKNOWLEDGED;
import static io.omnipulse.alerting.domain.AlertStatus.ESCALATED;
import static io.omnipulse.alerting.domain.AlertStatus.OPEN;
import static io.omnipulse.alerting.domain.AlertStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every (status, action) pair: the legal ones and where they lead, and every illegal one. */
class AlertLifecycleTest {

    /** The whole table; null = illegal. */
    private static final Map<AlertStatus, Map<AlertAction, AlertStatus>> TABLE = new EnumMap<>(AlertStatus.class);

    static {
        TABLE.put(OPEN, row(ACKNOWLEDGED, OPEN, ESCALATED, RESOLVED, OPEN));
        TABLE.put(ACKNOWLEDGED, row(null, ACKNOWLEDGED, ESCALATED, RESOLVED, ACKNOWLEDGED));
        TABLE.put(ESCALATED, row(ACKNOWLEDGED, ESCALATED, ESCALATED, RESOLVED, ESCALATED));
        TABLE.put(RESOLVED, row(null, null, null, null, RESOLVED));
    }

    @Test
    void everyLegalTransitionLeadsWhereTheTableSays() {
        TABLE.forEach((from, row) -> row.forEach((action, to) -> {
            if (to != null) {
                assertThat(AlertLifecycle.next(from, action)).as("%s from %s", action, from).isEqualTo(to);
                assertThat(AlertLifecycle.allows(from, action)).isTrue();
            }
        }));
    }

    @Test
    void everyIllegalTransitionIsRefused() {
        int illegal = 0;
        for (var entry : TABLE.entrySet()) {
            for (var cell : entry.getValue().entrySet()) {
                if (cell.getValue() == null) {
                    AlertStatus from = entry.getKey();
                    AlertAction action = cell.getKey();
                    assertThatThrownBy(() -> AlertLifecycle.next(from, action))
                            .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                                assertThat(e.from()).isEqualTo(from);
                                assertThat(e.action()).isEqualTo(action);
                            });
                    assertThat(AlertLifecycle.allows(from, action)).isFalse();
                    illegal++;
                }
            }
        }
        assertThat(illegal).isEqualTo(5);
    }

    @Test
    void theTableCoversEveryStatusAndAction() {
        assertThat(TABLE).hasSize(AlertStatus.values().length);
        TABLE.values().forEach(row -> assertThat(row).hasSize(AlertAction.values().length));
    }

    @Test
    void aResolvedAlertCannotBeResolvedAgain() {
        assertThatThrownBy(() -> AlertLifecycle.next(RESOLVED, RESOLVE))
                .hasMessage("cannot resolve an alert that is resolved");
    }

    private static Map<AlertAction, AlertStatus> row(AlertStatus acknowledge, AlertStatus assign,
            AlertStatus escalate, AlertStatus resolve, AlertStatus note) {
        Map<AlertAction, AlertStatus> row = new EnumMap<>(AlertAction.class);
        row.put(ACKNOWLEDGE, acknowledge);
        row.put(ASSIGN, assign);
        row.put(ESCALATE, escalate);
        row.put(RESOLVE, resolve);
        row.put(NOTE, note);
        return row;
    }
}
