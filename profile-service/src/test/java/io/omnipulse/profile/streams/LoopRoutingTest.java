package io.omnipulse.profile.streams;

import static io.omnipulse.profile.TestEvents.annByEmail;
import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class LoopRoutingTest {

    private static final String EMAIL = "email:ann@example.com";
    private static final LoopMessage.Cause CAUSE = new LoopMessage.Cause("crm", "e1", List.of(EMAIL), null);
    private static final ContactEvent EVENT = interaction("e1", Channel.EMAIL, at(1), annByEmail());

    @Test
    void anIdentifierGoesWhereAProducerPutsItsCustomerIdAndACustomerIdWhereAProducerPutsIt() {
        LoopRouting routing = new LoopRouting();
        String ann = CustomerKeys.customerIdOf(EMAIL);

        assertThat(routing.partitions("loop", EMAIL, new LoopMessage.Claim(EVENT, CAUSE, null, 1), 6))
                .contains(Set.of(producerPartition(ann, 6)));
        assertThat(routing.partitions("loop", ann, new LoopMessage.Fold(EVENT, 1), 6))
                .contains(Set.of(producerPartition(ann, 6)));
    }

    @Test
    void nothingIsLocalUntilALoopWriteToldThePartitionCountThenOnlyWhatTheLoopWouldBringHere() {
        LoopRouting routing = new LoopRouting();
        String ann = CustomerKeys.customerIdOf(EMAIL);
        int home = producerPartition(ann, 6);
        assertThat(routing.isLocal(ann, home)).isFalse();

        routing.partitions("loop", ann, new LoopMessage.Fold(EVENT, 1), 6);

        assertThat(routing.isLocal(ann, home)).isTrue();
        assertThat(routing.isLocal(ann, (home + 1) % 6)).isFalse();
    }

    /** Where a Kafka producer with its default partitioner writes a record with this key. */
    private static int producerPartition(String key, int partitions) {
        return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions);
    }
}
