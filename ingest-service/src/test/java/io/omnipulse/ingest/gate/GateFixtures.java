package io.omnipulse.ingest.gate;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ingest gate's fixtures ({@code gate-fixtures.json}): valid base payloads and one mutation
 * per case, expanded into request bodies. Shared by the HTTP test and the schema agreement test,
 * so both judge exactly the same inputs.
 */
public final class GateFixtures {

    /** Canonical bases; every other base is a channel's native payload posted to /v1/channels/{base}. */
    static final Set<String> CANONICAL = Set.of("interaction", "feedback", "ces");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Non-ASCII escaped, so a lone surrogate travels as the six characters \uD800 instead of a '?'. */
    private static final ObjectWriter WRITER = JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    private static final Pattern MACRO = Pattern.compile("\\$\\{(repeat|ago|ahead):(.+?)(?::(\\d+))?}");
    private static final int BATCH_SIZE = 3;

    /**
     * One input.
     *
     * @param path      where it is posted
     * @param body      the exact request body
     * @param field     the JSON path the answer must name (a batch's index included)
     * @param schemaGap why the JSON Schema cannot refuse it; null when it must
     * @param echoes    string values of the mutation that the answer must not repeat
     */
    public record Case(String name, String base, String path, String body, String field, String schemaGap,
            boolean batch, List<String> echoes) {

        public boolean canonical() {
            return CANONICAL.contains(base);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private GateFixtures() {
    }

    public static List<Case> bad(Instant now) {
        return cases("bad", now);
    }

    public static List<Case> good(Instant now) {
        return cases("good", now);
    }

    private static List<Case> cases(String kind, Instant now) {
        JsonNode root = load();
        List<Case> out = new ArrayList<>();
        for (JsonNode c : root.get(kind)) {
            out.add(build(root.get("bases"), c, now));
        }
        return out;
    }

    private static Case build(JsonNode bases, JsonNode c, Instant now) {
        String base = c.get("base").asText();
        JsonNode template = expand(bases.get(base).deepCopy(), now);
        JsonNode mutated = mutate(template.deepCopy(), c, now);
        boolean batch = c.has("batchIndex");
        String field = c.path("field").asText(null);
        String body;
        if (batch) {
            int index = c.get("batchIndex").asInt();
            List<String> elements = new ArrayList<>();
            for (int i = 0; i < BATCH_SIZE; i++) {
                JsonNode element = i == index ? mutated : template.deepCopy();
                ((ObjectNode) element).put("eventId", template.get("eventId").asText() + "-b" + i);
                elements.add(i == index ? replace(write(element), c) : write(element));
            }
            body = "[" + String.join(",", elements) + "]";
            field = field == null ? null : "[" + index + "]." + field;
        } else {
            body = replace(write(mutated), c);
        }
        String path = CANONICAL.contains(base) ? "/v1/events" : "/v1/channels/" + base;
        return new Case(c.get("name").asText(), base, path, body, field, c.path("schemaGap").asText(null), batch,
                echoes(c, now));
    }

    private static JsonNode mutate(JsonNode node, JsonNode c, Instant now) {
        for (JsonNode pointer : c.path("remove")) {
            JsonPointer p = JsonPointer.compile(pointer.asText());
            ((ObjectNode) node.at(p.head())).remove(p.last().getMatchingProperty());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("set").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> set = it.next();
            JsonPointer p = JsonPointer.compile(set.getKey());
            ((ObjectNode) node.at(p.head())).set(p.last().getMatchingProperty(), expand(set.getValue().deepCopy(), now));
        }
        return node;
    }

    private static String replace(String json, JsonNode c) {
        JsonNode replace = c.get("replace");
        if (replace == null) {
            return json;
        }
        String from = replace.get(0).asText();
        if (!json.contains(from)) {
            throw new IllegalStateException(c.get("name") + ": " + from + " not found in " + json);
        }
        return json.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(replace.get(1).asText()));
    }

    /** The refused value itself (set at the named field), when long enough to recognise if an answer quoted it. */
    private static List<String> echoes(JsonNode c, Instant now) {
        String field = c.path("field").asText("");
        JsonNode v = c.path("set").get("/" + field.replace('.', '/'));
        if (v == null) {
            return List.of();
        }
        JsonNode value = expand(v.deepCopy(), now);
        return value.isTextual() && value.asText().length() >= 4 ? List.of(value.asText()) : List.of();
    }

    private static JsonNode expand(JsonNode node, Instant now) {
        if (node.isTextual()) {
            return new TextNode(expand(node.asText(), now));
        }
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> e.setValue(expand(e.getValue(), now)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, expand(array.get(i), now));
            }
        }
        return node;
    }

    static String expand(String text, Instant now) {
        Matcher m = MACRO.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "repeat" -> m.group(2).repeat(Integer.parseInt(m.group(3)));
                case "ago" -> now.minus(Duration.parse(m.group(2))).toString();
                default -> now.plus(Duration.parse(m.group(2))).toString();
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode load() {
        try (InputStream in = GateFixtures.class.getResourceAsStream("/gate-fixtures.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
