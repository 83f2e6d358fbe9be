package io.omnipulse.devstack.bench;

import io.omnipulse.devstack.simulator.JourneyGenerator;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerKeys;
import io.omnipulse.events.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Simulated omnichannel journeys (interactions and survey answers of customers who come back, as
 * the demo traffic), generated before any clock starts so that the bench measures the stack, not the
 * generator.
 */
final class SimulatedEvents {

    private SimulatedEvents() {
    }

    /** {@code count} events (the last journey may add a few), about six per customer. */
    static List<ContactEvent> generate(int count, long seed) {
        JourneyGenerator journeys = new JourneyGenerator(seed, Math.max(1, count / 6));
        List<ContactEvent> events = new ArrayList<>(count + 16);
        while (events.size() < count) {
            events.addAll(journeys.nextJourney(Instant.now()));
        }
        return events;
    }

    /** Writes the events onto a topic as fast as the broker takes them, keyed as ingest keys them. */
    static void write(String bootstrap, Topic<String, ContactEvent> topic, List<ContactEvent> events) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10);
        try (KafkaProducer<String, ContactEvent> producer = new KafkaProducer<>(props,
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (ContactEvent event : events) {
                producer.send(new ProducerRecord<>(topic.name(), CustomerKeys.customerId(event.customer()), event));
            }
            producer.flush();
        }
    }
}
