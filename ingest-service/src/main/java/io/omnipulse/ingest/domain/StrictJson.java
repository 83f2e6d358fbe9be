package io.omnipulse.ingest.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.omnipulse.events.serde.EventJson;
import io.omnipulse.problem.InvalidRequestException;
import java.util.List;

/**
 * Reads request bodies with the wire mapping (enums and instants parse exactly as on Kafka) but
 * stricter at the door: "7" or 7.5 for an integer is a client bug, not something to round silently.
 * Every failure becomes a 400 naming the JSON path, e.g. {@code feedback.score}.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = strict(EventJson.mapper().copy());

    private StrictJson() {
    }

    /** The whole body as a tree; malformed JSON is a 400. */
    public static JsonNode tree(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("the body is empty; send JSON", List.of());
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("malformed JSON: " + rootMessage(e), List.of());
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
            throw InvalidRequestException.field(field.isEmpty() ? "$" : field, rootMessage(e));
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

    /** The innermost message: for an unknown enum value that is "'fax' is not one of email, ...". */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}
