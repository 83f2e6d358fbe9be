package io.omnipulse.streamsupport.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnipulse.events.DeadLetters;
import io.omnipulse.events.DeadLetters.Origin;
import io.omnipulse.events.DeadLetters.Stage;
import io.omnipulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three handlers configured as the services configure them, on TopologyTestDriver. */
class DeadLetterHandlersTest {

    private static final String IN = "in";
    private static final String OUT = "out";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<String, String> output;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void start() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        Metrics.removeRegistry(registry);
    }

    @Test
    void anUnreadableRecordIsDeadLetteredWithTheBytesReadAndTheNextOneIsProcessed() {
        open(1_000_000);
        byte[] broken = "{\"eventId\": tru".getBytes(StandardCharsets.UTF_8);
        input.pipeInput(bytes("k1"), broken);
        input.pipeInput(bytes("k2"), bytes("7"));

        TestRecord<byte[], byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.key()).isEqualTo(bytes("k1"));
        assertThat(deadLetter.value()).isEqualTo(broken);
        Origin origin = Origin.from(deadLetter.headers()).orElseThrow();
        assertThat(origin.service()).isEqualTo("test-service");
        assertThat(origin.sourceTopic()).isEqualTo(IN);
        assertThat(origin.sourcePartition()).isZero();
        assertThat(origin.sourceOffset()).isZero();
        assertThat(origin.stage()).isEqualTo(Stage.DESERIALIZE);
        assertThat(origin.errorClass()).isEqualTo(NumberFormatException.class.getName());
        assertThat(output.readKeyValuesToList()).extracting(kv -> kv.value).containsExactly("7");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(counted(Stage.DESERIALIZE)).isEqualTo(1.0);
    }

    @Test
    void aRecordTheProcessorFailsOnIsDeadLetteredWithItsSourceBytes() {
        open(1_000_000);
        input.pipeInput(bytes("k1"), bytes("13"));
        input.pipeInput(bytes("k2"), bytes("8"));

        TestRecord<byte[], byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.key()).isEqualTo(bytes("k1"));
        assertThat(deadLetter.value()).isEqualTo(bytes("13"));
        Origin origin = Origin.from(deadLetter.headers()).orElseThrow();
        assertThat(origin.stage()).isEqualTo(Stage.PROCESS);
        assertThat(origin.sourceOffset()).isZero();
        assertThat(origin.errorClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(origin.errorMessage()).isEqualTo("thirteen");
        assertThat(output.readKeyValuesToList()).extracting(kv -> kv.value).containsExactly("8");
        assertThat(counted(Stage.PROCESS)).isEqualTo(1.0);
    }

    @Test
    void anOutputThatCannotBeSerializedDeadLettersItsInputOnce() {
        open(1_000_000);
        input.pipeInput(bytes("k1"), bytes("99"));
        input.pipeInput(bytes("k2"), bytes("5"));

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(bytes("99"));
        Origin origin = Origin.from(dead.get(0).headers()).orElseThrow();
        assertThat(origin.stage()).isEqualTo(Stage.PRODUCE);
        assertThat(origin.sourceTopic()).isEqualTo(IN);
        assertThat(output.readKeyValuesToList()).extracting(kv -> kv.value).containsExactly("5");
        assertThat(counted(Stage.PRODUCE)).isEqualTo(1.0);
    }

    @Test
    void aRecordTooLargeForTheDeadLetterTopicIsCutAndSaysSo() {
        open(10);
        input.pipeInput(bytes("k1"), bytes("x123456789012345"));

        TestRecord<byte[], byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.key()).isEqualTo(bytes("k1"));
        assertThat(deadLetter.value()).isEqualTo(bytes("x1234567"));
        Origin origin = Origin.from(deadLetter.headers()).orElseThrow();
        assertThat(origin.errorMessage()).startsWith("[record of 18 bytes cut to 10]");
        assertThat(origin.errorClass()).isEqualTo(NumberFormatException.class.getName());
    }

    @Test
    void anOutputOfAPunctuationThatCannotBeWrittenIsCountedAsDroppedAndNothingStops() {
        open(1_000_000);
        input.pipeInput(bytes("k1"), bytes("7"));
        // The punctuation forwards 99, which the sink cannot serialize: no input record to keep.
        driver.advanceWallClockTime(java.time.Duration.ofMinutes(2));
        input.pipeInput(bytes("k2"), bytes("8"));

        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(output.readKeyValuesToList()).extracting(kv -> kv.value).containsExactly("7", "8");
        assertThat(registry.get("omnipulse.streams.outputs.dropped").tag("topic", OUT).counter().count())
                .isEqualTo(1.0);
    }

    private void open(int maxDeadLetterBytes) {
        Topology topology = new Topology();
        // Values are decimal numbers: unreadable otherwise; 13 fails the processor; 99 fails the sink's serializer.
        topology.addSource("source", new ByteArrayDeserializer(), (topic, data) -> Integer.parseInt(
                        new String(data, StandardCharsets.UTF_8)), IN)
                .addProcessor("check", () -> new ContextualProcessor<byte[], Integer, String, Integer>() {
                    @Override
                    public void init(org.apache.kafka.streams.processor.api.ProcessorContext<String, Integer> context) {
                        super.init(context);
                        context.schedule(java.time.Duration.ofMinutes(1), PunctuationType.WALL_CLOCK_TIME,
                                now -> context.forward(new Record<>("tick", 99, now)));
                    }

                    @Override
                    public void process(Record<byte[], Integer> record) {
                        if (record.value() == 13) {
                            throw new IllegalStateException("thirteen");
                        }
                        context().forward(record.withKey(new String(record.key(), StandardCharsets.UTF_8)));
                    }
                }, "source")
                .addSink("sink", OUT, Serdes.String().serializer(), failingOn99(), "check");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "dead-letter-test");
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        config.put(DeadLetterSettings.SERVICE, "test-service");
        config.put(DeadLetterSettings.MAX_RECORD_BYTES, Integer.toString(maxDeadLetterBytes));
        driver = new TopologyTestDriver(topology, config);
        input = driver.createInputTopic(IN, new ByteArraySerializer(), new ByteArraySerializer());
        output = driver.createOutputTopic(OUT, Serdes.String().deserializer(), Serdes.String().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private static Serializer<Integer> failingOn99() {
        return (topic, value) -> {
            if (value == 99) {
                throw new SerializationException("ninety-nine");
            }
            return Integer.toString(value).getBytes(StandardCharsets.UTF_8);
        };
    }

    private double counted(Stage stage) {
        var counter = registry.find(DeadLetterWriter.COUNTER).tag("service", "test-service").tag("topic", IN)
                .tag("stage", stage.name().toLowerCase(java.util.Locale.ROOT)).counter();
        return counter == null ? 0 : counter.count();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
