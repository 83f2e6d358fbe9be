package io.omnipulse.ingest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.omnipulse.events.FieldLimits;
import io.omnipulse.ingest.domain.EventReader;
import io.omnipulse.ingest.domain.EventValidator;
import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.Problem.FieldError;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * contact-event.schema.json and ingest's validator judge the same canonical fixtures the same way,
 * so the published schema cannot drift from what the service enforces. Where JSON Schema cannot
 * express a rule (a window relative to now, duplicate keys, comparing two fields) the fixture says
 * so in {@code schemaGap}; for those the test asserts that the schema indeed lets the case through,
 * so a schema that learns the rule later makes the gap note fail and get removed.
 */
class GateSchemaAgreementTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    static Schema schema;
    final EventReader reader = new EventReader(
            new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(400), Duration.ofMinutes(5)), 500);

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = GateSchemaAgreementTest.class.getResourceAsStream("/schema/contact-event.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    static Stream<GateFixtures.Case> badCanonical() {
        return GateFixtures.bad(NOW).stream().filter(GateFixtures.Case::canonical);
    }

    static Stream<GateFixtures.Case> goodCanonical() {
        return GateFixtures.good(NOW).stream().filter(GateFixtures.Case::canonical);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCanonical")
    void validatorRefusesNamingTheFieldAndSchemaAgrees(GateFixtures.Case c) throws Exception {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, () -> reader.read(c.body()));
        assertThat(refused).as("validator refuses %s", c.name()).isNotNull();
        assertThat(refused.errors()).extracting(FieldError::field).contains(c.field());

        List<Error> schemaErrors = schemaErrors(c.body());
        if (c.schemaGap() == null) {
            assertThat(schemaErrors).as("schema refuses %s", c.name()).isNotEmpty();
        } else {
            assertThat(schemaErrors).as("schema gap '%s' of %s still true", c.schemaGap(), c.name()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodCanonical")
    void validatorAndSchemaBothAccept(GateFixtures.Case c) throws Exception {
        assertThat(reader.read(c.body())).isNotEmpty();
        assertThat(schemaErrors(c.body())).as("schema accepts %s", c.name()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodCanonical")
    void goodFixturesStayGoodAsBatches(GateFixtures.Case c) throws Exception {
        assertThat(reader.read("[" + c.body() + "," + c.body() + "]")).hasSize(2);
    }

    /** The schema describes one event; a batch is checked element by element. */
    static List<Error> schemaErrors(String body) throws Exception {
        JsonNode tree = JSON.readTree(body);
        List<String> events = new ArrayList<>();
        if (tree.isArray()) {
            for (JsonNode element : tree) {
                events.add(JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(element));
            }
        } else {
            events.add(body);
        }
        List<Error> errors = new ArrayList<>();
        for (String event : events) {
            errors.addAll(schema.validate(event, InputFormat.JSON));
        }
        return errors;
    }

    @Test
    void schemaStatesTheNumbersOfFieldLimits() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/schema/contact-event.schema.json")) {
            root = JSON.readTree(in);
        }
        JsonNode p = root.get("properties");
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/eventId/maxLength", FieldLimits.EVENT_ID);
        expected.put("/source/maxLength", FieldLimits.SOURCE);
        expected.put("/customer/properties/crmId/maxLength", FieldLimits.ID);
        expected.put("/customer/properties/email/maxLength", FieldLimits.EMAIL);
        expected.put("/customer/properties/phone/maxLength", FieldLimits.PHONE);
        expected.put("/customer/properties/handle/maxLength", FieldLimits.HANDLE);
        expected.put("/customer/properties/chatVisitorId/maxLength", FieldLimits.ID);
        expected.put("/conversationId/maxLength", FieldLimits.ID);
        expected.put("/agentId/maxLength", FieldLimits.ID);
        expected.put("/team/maxLength", FieldLimits.TEAM);
        expected.put("/interaction/properties/subject/maxLength", FieldLimits.SUBJECT);
        expected.put("/interaction/properties/text/maxLength", FieldLimits.TEXT);
        expected.put("/interaction/properties/waitSeconds/maximum", FieldLimits.MAX_WAIT_SECONDS);
        expected.put("/interaction/properties/handleSeconds/maximum", FieldLimits.MAX_HANDLE_SECONDS);
        expected.put("/interaction/properties/transfers/maximum", FieldLimits.MAX_TRANSFERS);
        expected.put("/feedback/properties/comment/maxLength", FieldLimits.COMMENT);
        expected.put("/feedback/properties/ratesConversationId/maxLength", FieldLimits.ID);
        expected.put("/feedback/properties/scale/properties/min/minimum", FieldLimits.CES_SCALE_MIN);
        expected.put("/feedback/properties/scale/properties/max/maximum", FieldLimits.CES_SCALE_MAX);
        expected.forEach((pointer, limit) -> assertThat(p.at(pointer).asInt(-1)).as(pointer).isEqualTo(limit));
    }

    @Test
    void schemaIsReadableAndStrict() {
        assertThat(schema).isNotNull();
        assertThatThrownBy(() -> reader.read("{}")).isInstanceOf(InvalidRequestException.class);
        assertThat(schema.validate("{}", InputFormat.JSON)).isNotEmpty();
    }
}
