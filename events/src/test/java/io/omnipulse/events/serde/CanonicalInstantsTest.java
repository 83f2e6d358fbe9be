package io.omnipulse.events.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-read and hand-written canonical instants are exactly what Jackson's own deserializer reads and
 * serializer writes, every other form is left to them, and the mapper really uses these for properties.
 */
class CanonicalInstantsTest {

    record Stamped(Instant at) {
    }

    record Numbered(@JsonFormat(shape = JsonFormat.Shape.NUMBER) Instant at) {
    }

    /** Jackson's own reading, as the events were read before: the JavaTimeModule alone. */
    private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper OURS = EventJson.mapper();

    @Test
    void randomInstantsInEveryPrecisionReadAsJacksonReadsThem() {
        Random random = new Random(20261130L);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L + 1), random.nextInt(1_000_000_000));
            String full = DateTimeFormatter.ISO_INSTANT.format(at.minusNanos(at.getNano()));
            int digits = random.nextInt(10);
            String fraction = digits == 0 ? "" : "." + String.format("%09d", at.getNano()).substring(0, digits);
            texts.add(full.substring(0, full.length() - 1) + fraction + "Z");
            texts.add(at.toString());
        }
        for (String text : texts) {
            assertThat(CanonicalInstants.parse(text)).as(text).isNotNull();
            assertReadAlike(text);
        }
    }

    @Test
    void edgesAndOtherFormsReadAlikeOrAreRefusedAlike() {
        List<String> texts = List.of("2024-02-29T23:59:59.999999999Z", "2023-02-29T10:00:00Z", "2026-04-31T10:00:00Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-11-30T24:00:00Z", "2026-11-30T23:59:60Z",
                "2026-11-30T23:60:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-11-00T00:00:00Z",
                "2026-11-30t09:45:52Z", "2026-11-30T09:45:52z", "2026-11-30T09:45:52.Z", "2026-11-30T09:45:52.1234567890Z",
                "2026-11-30T09:45:52+01:00", "2026-11-30T09:45:52.5+00:00", " 2026-11-30T09:45:52Z", "2026-11-30T09:45:52Z ",
                "+2026-11-30T09:45:52Z", "-0001-11-30T09:45:52Z", "+12026-11-30T09:45:52Z", "2026-11-30 09:45:52Z",
                "2026/11/30T09:45:52Z", "2026-11-30T09:45Z", "2026-1a-30T09:45:52Z", "2026-11-30T09:45:52.12a4Z",
                "２０２６-11-30T09:45:52Z", "", "1732960000000", "Z", "2026-11-30T09:45:52.000000000Z");
        for (String text : texts) {
            assertReadAlike(text);
        }
        assertThat(CanonicalInstants.parse("2023-02-29T10:00:00Z")).isNull();
        assertThat(CanonicalInstants.parse("2026-11-30T09:45:52+01:00")).isNull();
        assertThat(CanonicalInstants.parse("2026-11-30T09:45:52.5Z")).isEqualTo(Instant.parse("2026-11-30T09:45:52.500Z"));
    }

    @Test
    void numbersAndNullAreLeftToJackson() throws Exception {
        for (String json : List.of("{\"at\":1732960000}", "{\"at\":1732960000.123456789}", "{\"at\":null}", "{}")) {
            assertThat(OURS.readValue(json, Stamped.class)).as(json).isEqualTo(JACKSON.readValue(json, Stamped.class));
        }
    }

    @Test
    void instantsAreWrittenAsJacksonWritesThem() throws Exception {
        Random random = new Random(30112026L);
        List<Instant> instants = new ArrayList<>(List.of(Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX, Instant.EPOCH,
                Instant.parse("2024-02-29T12:00:00.100Z"), Instant.parse("2026-11-30T09:45:52.000001Z")));
        int[] units = {1_000_000_000, 1_000_000, 1_000, 1};
        for (int i = 0; i < 20_000; i++) {
            int unit = units[random.nextInt(units.length)];
            instants.add(Instant.ofEpochSecond(random.nextLong(-62_167_219_200L - 1_000_000L, 253_402_300_799L + 1_000_000L),
                    random.nextInt(1_000_000_000) / unit * unit));
        }
        ObjectMapper asNumbers = OURS.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ObjectMapper jacksonAsNumbers = JACKSON.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        for (Instant at : instants) {
            assertThat(OURS.writeValueAsString(new Stamped(at))).as(at.toString())
                    .isEqualTo(JACKSON.writeValueAsString(new Stamped(at)));
            assertThat(asNumbers.writeValueAsString(new Stamped(at))).isEqualTo(jacksonAsNumbers.writeValueAsString(new Stamped(at)));
            assertThat(OURS.writeValueAsString(new Numbered(at))).isEqualTo(JACKSON.writeValueAsString(new Numbered(at)));
        }
    }

    @Test
    void theMapperUsesTheseForInstantPropertiesAndJacksonsForOwnFormats() throws Exception {
        DefaultDeserializationContext reading = ((DefaultDeserializationContext) OURS.getDeserializationContext())
                .createInstance(OURS.getDeserializationConfig(), null, null);
        assertThat(propertyDeserializer(reading, Stamped.class)).isInstanceOf(CanonicalInstants.Reader.class);
        assertThat(propertyDeserializer(reading, Numbered.class)).isNotInstanceOf(CanonicalInstants.Reader.class);
        assertThat(propertySerializer(Stamped.class)).isInstanceOf(CanonicalInstants.Writer.class);
        assertThat(propertySerializer(Numbered.class)).isNotInstanceOf(CanonicalInstants.Writer.class);
        assertThat(OURS.readValue("{\"at\":1732960000.5}", Numbered.class).at())
                .isEqualTo(Instant.ofEpochSecond(1_732_960_000L, 500_000_000));
    }

    private static Object propertyDeserializer(DeserializationContext context, Class<?> type) throws Exception {
        BeanDeserializerBase bean = (BeanDeserializerBase) context.findRootValueDeserializer(OURS.constructType(type));
        return bean.findProperty("at").getValueDeserializer();
    }

    private static Object propertySerializer(Class<?> type) throws Exception {
        BeanSerializerBase bean = (BeanSerializerBase) OURS.getSerializerProviderInstance().findValueSerializer(type);
        BeanPropertyWriter at = (BeanPropertyWriter) bean.properties().next();
        return at.getSerializer();
    }

    private static void assertReadAlike(String text) {
        String json = "{\"at\":" + JsonNodeFactory.instance.textNode(text) + "}";
        Object expected = read(JACKSON, json);
        Object actual = read(OURS, json);
        if (expected instanceof Exception refused) {
            assertThat(actual).as(text).isInstanceOf(refused.getClass());
        } else {
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }

    private static Object read(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, Stamped.class);
        } catch (Exception e) {
            return e;
        }
    }
}
