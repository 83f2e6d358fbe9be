package io.omnipulse.profile.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which customer one event belongs to, given the labels its identifiers answered with. Shared
 * identifiers do not count unless nothing else is left. When the labels carry different crmIds the
 * event links nobody: it goes to the group of its strongest identifier and the conflict is reported.
 *
 * @param customerId  the customer the event is attributed to
 * @param conflict    whether different crmIds met in this event
 * @param customerIds the distinct customers the identifiers pointed at, in strength order
 */
public record Attribution(String customerId, boolean conflict, List<String> customerIds) {

    /**
     * @param identifiers the event's identifiers, strongest first
     * @param labels      each identifier's label after the event
     * @param shared      identifiers found to be shared by too many customers
     */
    public static Attribution of(List<String> identifiers, Map<String, Label> labels, Set<String> shared) {
        List<String> counted = identifiers.stream().filter(i -> !shared.contains(i)).toList();
        if (counted.isEmpty()) {
            counted = identifiers;
        }
        List<String> ids = new ArrayList<>();
        Label joined = null;
        boolean conflict = false;
        for (String identifier : counted) {
            Label label = labels.get(identifier);
            if (label == null) {
                continue;
            }
            if (!ids.contains(label.customerId())) {
                ids.add(label.customerId());
            }
            if (joined != null && !joined.compatibleWith(label)) {
                conflict = true;
            } else {
                joined = Label.join(joined, label);
            }
        }
        if (joined == null) {
            throw new IllegalArgumentException("no label for any of " + identifiers);
        }
        String strongest = labels.get(counted.get(0)).customerId();
        return new Attribution(conflict ? strongest : joined.customerId(), conflict, ids);
    }
}
