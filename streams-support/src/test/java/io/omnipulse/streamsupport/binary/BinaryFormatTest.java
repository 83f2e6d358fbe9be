package io.omnipulse.streamsupport.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The primitives every internal format is built of: strings exactly as UTF-8, and serdes that reuse their writer. */
class BinaryFormatTest {

    /** A value of strings, for a serde whose buffer is reused from one value to the next. */
    private static final BinarySerde<List<String>> STRINGS = BinarySerde.of("strings", 1, 16, BinaryWriter::strings,
            BinaryReader::strings);

    @Test
    void stringsAreWrittenAsTheirUtf8Bytes() {
        List<String> samples = new ArrayList<>(List.of("", "a", "cust-0042", "Ann@Example.com", "café", "Zoë Ødegård",
                "電話", "emoji \uD83D\uDE00 in a chat", "lone \uD800 surrogate", "trailing \uDC00", "\u007F\u0080\u07FF\u0800\uFFFF"));
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int c = 0; c < chars.length; c++) {
                // Mostly ASCII, as ids are, with every other range mixed in.
                chars[c] = (char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x80));
            }
            samples.add(new String(chars));
        }

        for (String sample : samples) {
            byte[] utf8 = sample.getBytes(StandardCharsets.UTF_8);
            byte[] written = new BinaryWriter(4).string(sample).toByteArray();
            BinaryWriter expected = new BinaryWriter(4).varint(utf8.length + 1);
            assertThat(written).as(sample).isEqualTo(concat(expected.toByteArray(), utf8));
            assertThat(new BinaryReader(written, 0).string()).isEqualTo(new String(utf8, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aReusedWriterWritesEachValueFromTheStart() {
        List<String> large = List.of("x".repeat(5_000), "y".repeat(3_000));
        List<String> small = List.of("a", "é");

        byte[] first = STRINGS.serialize("t", large);
        byte[] second = STRINGS.serialize("t", small);

        assertThat(STRINGS.deserialize("t", first)).isEqualTo(large);
        assertThat(STRINGS.deserialize("t", second)).isEqualTo(small);
        assertThat(second).hasSize(1 + 1 + 2 + 3);
    }

    @Test
    void aValueTooLargeToKeepIsStillWrittenWhole() {
        List<String> huge = List.of("z".repeat(BinarySerde.MAX_KEPT_BYTES * 2));

        assertThat(STRINGS.deserialize("t", STRINGS.serialize("t", huge))).isEqualTo(huge);
        assertThat(STRINGS.deserialize("t", STRINGS.serialize("t", List.of("after")))).containsExactly("after");
    }

    @Test
    void aValueThatSerialisesAnotherWithTheSameSerdeGetsItsOwnWriter() {
        // A list written as its head and, nested, the rest of it written by this very serde.
        List<BinarySerde<List<String>>> self = new ArrayList<>();
        self.add(BinarySerde.of("nested list", 1, 16, (out, value) -> {
            out.string(value.get(0));
            out.bytes(value.size() > 1 ? self.get(0).serialize("t", value.subList(1, value.size())) : null);
        }, in -> {
            List<String> all = new ArrayList<>(List.of(in.string()));
            byte[] rest = in.bytes();
            if (rest != null) {
                all.addAll(self.get(0).deserialize("t", rest));
            }
            return all;
        }));

        List<String> value = List.of("one", "two", "three", "four");
        // The first value leaves a writer to reuse; the second one's nested values must not write into it.
        assertThat(self.get(0).deserialize("t", self.get(0).serialize("t", value))).isEqualTo(value);
        assertThat(self.get(0).deserialize("t", self.get(0).serialize("t", value))).isEqualTo(value);
    }

    @Test
    void aRecordWithBytesLeftOverIsRefused() {
        byte[] written = STRINGS.serialize("t", List.of("a"));
        byte[] longer = Arrays.copyOf(written, written.length + 1);

        assertThatThrownBy(() -> STRINGS.deserialize("t", longer)).isInstanceOf(SerializationException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
