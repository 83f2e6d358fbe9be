package io.omnipulse.scoring.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.scoring.domain.ScopeKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * An event after deduplication: an interaction as it came, or an answer with the channel, team and
 * agent of the interaction it rates. {@code late}: it came after the grace period of its partition.
 * {@code retracted}: set when this is no new answer but one counted before as {@code retracted} that
 * now rates another interaction (which arrived after it), so it moves to {@code event}'s channel, team
 * and agent.
 */
record Attributed(ContactEvent event, boolean late, ContactEvent retracted) implements CustomerOutput {

    Attributed(ContactEvent event, boolean late) {
        this(event, late, null);
    }

    /**
     * What this answer of {@code customer} changes per scope key: a new answer counts in every scope it
     * belongs to; a re-attributed one is taken out of the scope keys it leaves and counted in those it
     * enters (its global and customer scopes stay).
     */
    List<KeyValue<String, ScopeUpdate>> toScopes(String customer) {
        ScoredResponse response = new ScoredResponse(event.feedback(), event.occurredAt().toEpochMilli(), late);
        List<ScopeKey> now = ScopeKey.of(customer, event);
        List<ScopeKey> before = retracted == null ? List.of() : ScopeKey.of(customer, retracted);
        List<KeyValue<String, ScopeUpdate>> updates = new ArrayList<>(now.size() + before.size());
        before.stream().filter(scope -> !now.contains(scope))
                .forEach(scope -> updates.add(KeyValue.pair(scope.format(), ScopeUpdate.retraction(response))));
        now.stream().filter(scope -> !before.contains(scope))
                .forEach(scope -> updates.add(KeyValue.pair(scope.format(), ScopeUpdate.response(response))));
        return updates;
    }
}
