package io.omnipulse.scoring.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnipulse.events.Channel;
import io.omnipulse.queries.OwnerForwarder;
import io.omnipulse.queries.QueryResult;
import io.omnipulse.queries.QuerySettings;
import io.omnipulse.queries.StoreNotQueryableException;
import io.omnipulse.scoring.domain.EffortSignal;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.streams.EffortQueries;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Following merged ids to their survivor, with all state on this one instance (the two-instance
 * test covers hops read on another): how far a chain is followed, and what a loop answers.
 */
class MergedIdResolutionTest {

    static final EffortState INDEXED = new EffortState(40, List.of("2 transfers"),
            Set.of(EffortSignal.TRANSFERS), 1_000, Channel.CALL, "north", 0, 0);

    final Map<String, String> pointers = new HashMap<>();
    final Map<String, EffortState> efforts = new HashMap<>();

    /** The store reads of one instance that owns every key; nothing here touches Kafka Streams. */
    final EffortQueries local = new EffortQueries(null, "localhost:8083") {
        @Override
        public QueryResult<String> survivorOf(String customerId) {
            String survivor = pointers.get(customerId);
            return survivor == null ? new QueryResult.NotFound<>() : new QueryResult.Found<>(survivor);
        }

        @Override
        public QueryResult<EffortState> customer(String customerId) {
            EffortState state = efforts.get(customerId);
            return state == null ? new QueryResult.NotFound<>() : new QueryResult.Found<>(state);
        }
    };

    final CustomersResource resource = new CustomersResource(null, local, new OwnerForwarder(
            new QuerySettings(Duration.ofSeconds(2), 2)));

    /** c0 into c1, c1 into c2, ...: {@code merges} merges in a row, ending with c{merges}, which has an index. */
    void chain(int merges) {
        for (int i = 0; i < merges; i++) {
            pointers.put("c" + i, "c" + (i + 1));
        }
        efforts.put("c" + merges, INDEXED);
    }

    @Test
    void aMergedIdAnswersWithTheEndOfItsChainAndSaysSo() {
        chain(CustomersResource.MAX_MERGE_HOPS);

        Response answer = resource.effort("c0", null);

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getHeaderString(CustomersResource.MERGED_INTO_HEADER)).isEqualTo("c5");
        assertThat(answer.getHeaderString("Content-Location")).isEqualTo("/v1/customers/c5/effort");
        assertThat(((EffortReport) answer.getEntity()).customerId()).isEqualTo("c5");
        assertThat(resource.mergedInto("c0", null).getEntity()).isEqualTo(new MergePointer("c0", "c1"));
    }

    @Test
    void theSurvivorItselfAnswersWithoutTheHeader() {
        chain(1);

        Response answer = resource.effort("c1", null);

        assertThat(answer.getHeaderString(CustomersResource.MERGED_INTO_HEADER)).isNull();
        assertThat(((EffortReport) answer.getEntity()).customerId()).isEqualTo("c1");
        assertThatThrownBy(() -> resource.mergedInto("c1", null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aLongerChainOrALoopIsNotFollowedForever() {
        chain(CustomersResource.MAX_MERGE_HOPS + 1);
        assertThatThrownBy(() -> resource.effort("c0", null)).isInstanceOf(StoreNotQueryableException.class)
                .hasMessageContaining("merged more than " + CustomersResource.MAX_MERGE_HOPS + " times");

        pointers.put("loop-a", "loop-b");
        pointers.put("loop-b", "loop-a");
        assertThatThrownBy(() -> resource.effort("loop-a", null)).isInstanceOf(StoreNotQueryableException.class);
    }
}
