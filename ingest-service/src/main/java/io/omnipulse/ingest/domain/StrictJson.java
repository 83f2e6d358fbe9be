package io.omnipulse.ingest.domain;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.omnipulse.events.serde.EventJson;
import io.omnipulse.problem.InvalidRequestException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads request bodies with the wire mapping (enums and instants parse exactly as on Kafka) but
 * strict at the door: unknown fields, duplicate keys, trailing content, and any coercion ("7" or
 * 7.5 for an integer, 7 for a string) are client bugs, not something to guess at. Every failure
 * becomes a 400 naming the JSON path, e.g. {@code feedback.score}, and never repeating the value.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = strict(EventJson.mapper().copy());

    private StrictJson() {
    }

    /** The whole body as a tree; malformed JSON or a duplicate key is a 400. */
    public static JsonNode tree(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("the body is empty; send JSON", List.of());
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String duplicate = duplicateKeyPath(e);
            if (duplicate != null) {
                throw InvalidRequestException.field(duplicate, "appears more than once in its object");
            }
            throw new InvalidRequestException("malformed JSON" + location(e), List.of());
        }
    }

    /** A body as one payload type; a value of the wrong type is a 400 naming its field. */
    public static <T> T read(String body, Class<T> type) {
        JsonNode tree = tree(body);
        if (!tree.isObject()) {
            throw new InvalidRequestException("the body must be a JSON object", List.of());
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = e instanceof JsonMappingException m ? pathOf(m) : "";
            throw InvalidRequestException.field(field.isEmpty() ? "$" : field, safeMessage(e));
        }
    }

    /** Converts one element already parsed; the caller prefixes the path with the element's index. */
    static <T> T convert(JsonNode node, Class<T> type) throws JsonProcessingException {
        return MAPPER.treeToValue(node, type);
    }

    /** Renders Jackson's reference path as {@code feedback.score} or {@code customer}. */
    static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** What is wrong, in words that never quote the input: Jackson's own messages do, and it may be personal data. */
    static String safeMessage(Throwable e) {
        return JsonErrors.describe(e);
    }

    /** The path of a key repeated in one object, e.g. {@code [2].customer.crmId}; null for other parse errors. */
    private static String duplicateKeyPath(JsonProcessingException e) {
        if (!(e instanceof JsonParseException p) || p.getOriginalMessage() == null
                || !p.getOriginalMessage().startsWith("Duplicate field")) {
            return null;
        }
        JsonParser parser = p.getProcessor();
        if (parser == null) {
            return "$";
        }
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            steps.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : String.valueOf(c.getCurrentName()));
        }
        StringBuilder sb = new StringBuilder();
        for (String step : steps) {
            sb.append(sb.isEmpty() || step.startsWith("[") ? "" : ".").append(step);
        }
        return sb.isEmpty() ? "$" : sb.toString();
    }

    private static String location(JsonProcessingException e) {
        if (e instanceof StreamReadException s && s.getLocation() != null) {
            return " at line " + s.getLocation().getLineNr() + ", column " + s.getLocation().getColumnNr();
        }
        return "";
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
