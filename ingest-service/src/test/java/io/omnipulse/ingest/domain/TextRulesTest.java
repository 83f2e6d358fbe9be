package io.omnipulse.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.problem.Problem.FieldError;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    static List<FieldError> identifier(String value, int max) {
        FieldErrors errors = new FieldErrors();
        TextRules.identifier(errors, "team", value, max);
        return errors.list();
    }

    static List<FieldError> freeText(String value, int max) {
        FieldErrors errors = new FieldErrors();
        TextRules.freeText(errors, "feedback.comment", value, max);
        return errors.list();
    }

    @Test
    void lengthCountsCodePointsLikeJsonSchema() {
        String emoji = "\uD83D\uDE00";
        assertThat(identifier(emoji.repeat(4), 4)).isEmpty();
        assertThat(identifier(emoji.repeat(5), 4)).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("must be at most 4 characters"));
        assertThat(identifier("abcd", 4)).isEmpty();
        assertThat(identifier("abcde", 4)).hasSize(1);
    }

    @Test
    void aHugeValueIsRefusedWithoutBeingQuoted() {
        String huge = "secret".repeat(100_000);
        assertThat(identifier(huge, 128)).singleElement()
                .satisfies(e -> assertThat(e.message()).doesNotContain("secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\t", "\n", "\r", "\u001b", "\u001f", "\u007f", "\u0080", "\u0085", "\u009f"})
    void identifiersRefuseEveryControlCharacter(String control) {
        assertThat(identifier("ab" + control + "cd", 128)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("team");
            assertThat(e.message()).startsWith("contains control character U+").endsWith("(position 2)");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u000e", "\u001b", "\u001f"})
    void freeTextRefusesC0ControlsOtherThanTabAndLineBreaks(String control) {
        assertThat(freeText("slow" + control, 100)).hasSize(1);
    }

    @Test
    void freeTextKeepsTabsLineBreaksAndPrintableUnicode() {
        assertThat(freeText("line one\r\nline two\tindented \u00e9\u00e8 \u4e2d\u6587 \uD83D\uDE1E \u00a0", 100)).isEmpty();
        assertThat(identifier("Zo\u00eb M\u00fcller-\u4e2d \uD83D\uDE00", 100)).isEmpty();
    }

    @Test
    void unpairedSurrogatesAreRefusedEverywhere() {
        assertThat(identifier("a\uD800b", 10)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("unpaired UTF-16 surrogate"));
        assertThat(identifier("\uDC00", 10)).hasSize(1);
        assertThat(freeText("ends with half \uD83D", 100)).hasSize(1);
        assertThat(freeText("\uDE00\uD83D reversed", 100)).hasSize(1);
        assertThat(freeText("\uD83D\uDE00 paired", 100)).isEmpty();
    }

    @Test
    void absentValuesAreLeftToTheRequiredRules() {
        assertThat(identifier(null, 1)).isEmpty();
        FieldErrors errors = new FieldErrors();
        TextRules.requiredIdentifier(errors, "eventId", "  ", 10);
        TextRules.requiredIdentifier(errors, "source", null, 10);
        assertThat(errors.list()).extracting(FieldError::message).containsExactly("is required", "is required");
    }
}
