package io.omnipulse.alerting.service;

import io.omnipulse.alerting.domain.AlertScope;
import io.omnipulse.alerting.persistence.ContactLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a polled batch of interactions and alert signals into as few rounds as it can, each round
 * being "store its interactions, then look up all its signals in one query" (ContactLog#rememberAll,
 * WriteLookup#findAll), so that every signal still sees exactly the interactions that came before it,
 * as if the batch were handled one event at a time. An interaction matters to a signal only when it is
 * the subject's (its customer after merges, or a conversation the subject owned, which the interaction
 * may move to another customer) or the conversation the answer rates; a round ends just before the
 * first interaction that matters to a signal already in it. A storm of new customers, whose
 * interactions precede their answers, is one round.
 */
final class LookupRounds {

    /** One event of the batch that needs the database: an interaction or a signal, at its index. */
    record Step(int index, ContactLog.Contact contact, Signal signal) {

        static Step of(int index, ContactLog.Contact contact) {
            return new Step(index, contact, null);
        }

        static Step of(int index, Signal signal) {
            return new Step(index, null, signal);
        }
    }

    /** One round: its interactions (stored first) and its signals (looked up together), in order. */
    record Round(List<ContactLog.Contact> contacts, List<Step> signals) {
    }

    private LookupRounds() {
    }

    /**
     * {@code survivors}: where each customer merged away lives now (ContactLog stores a merged id's
     * interactions under its survivor, WriteLookup looks a merged subject up under it);
     * {@code owners}: the customer each stored conversation of the batch belongs to.
     */
    static List<Round> split(List<Step> steps, Map<String, String> survivors, Map<String, String> owners) {
        List<Round> rounds = new ArrayList<>();
        List<ContactLog.Contact> contacts = new ArrayList<>();
        List<Step> signals = new ArrayList<>();
        Set<String> subjects = new HashSet<>();
        Set<String> rated = new HashSet<>();
        // Every customer a conversation belonged to so far: in the database or by an earlier interaction.
        Map<String, Set<String>> ownersSoFar = new HashMap<>();
        for (Step step : steps) {
            if (step.contact() != null) {
                ContactLog.Contact contact = step.contact();
                String customer = survivors.getOrDefault(contact.customerId(), contact.customerId());
                Set<String> owned = ownersSoFar.computeIfAbsent(contact.conversation(), c -> {
                    Set<String> initial = new HashSet<>(2);
                    if (owners.containsKey(c)) {
                        initial.add(owners.get(c));
                    }
                    return initial;
                });
                owned.add(customer);
                if (rated.contains(contact.conversation()) || owned.stream().anyMatch(subjects::contains)) {
                    rounds.add(new Round(contacts, signals));
                    contacts = new ArrayList<>();
                    signals = new ArrayList<>();
                    subjects.clear();
                    rated.clear();
                }
                contacts.add(contact);
            } else {
                Signal signal = step.signal();
                signals.add(step);
                if (signal.scope() == AlertScope.CUSTOMER) {
                    subjects.add(survivors.getOrDefault(signal.key(), signal.key()));
                    if (signal.trigger().conversationId() != null) {
                        rated.add(signal.trigger().conversationId());
                    }
                }
            }
        }
        if (!contacts.isEmpty() || !signals.isEmpty()) {
            rounds.add(new Round(contacts, signals));
        }
        return rounds;
    }
}
