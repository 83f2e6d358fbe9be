package io.omnipulse.ingest.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.Direction;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FieldLimits;
import io.omnipulse.events.InteractionStatus;
import io.omnipulse.events.Metric;
import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the body of POST /v1/events (one event or an array of them) into events, or fails with
 * every bad field of every element at once, so that a batch is accepted whole or not at all.
 */
public class EventReader {

    private static final Map<String, List<String>> ENUMS = new LinkedHashMap<>();

    static {
        ENUMS.put("/type", wire(EventType.values(), EventType::wire));
        ENUMS.put("/channel", wire(Channel.values(), Channel::wire));
        ENUMS.put("/interaction/direction", wire(Direction.values(), Direction::wire));
        ENUMS.put("/interaction/status", wire(InteractionStatus.values(), InteractionStatus::wire));
        ENUMS.put("/feedback/metric", wire(Metric.values(), Metric::wire));
    }

    private final EventValidator validator;
    private final int maxBatchSize;

    public EventReader(EventValidator validator, int maxBatchSize) {
        this.validator = validator;
        this.maxBatchSize = maxBatchSize;
    }

    /**
     * How the fields of one event are named in a problem: under its index in a batch
     * ({@code [2].channel}), or where a CloudEvent carries them ({@code data.channel}; {@code id} for
     * an eventId its attribute gave). {@code of("")} names the event itself.
     */
    @FunctionalInterface
    public interface FieldNames {

        String of(String field);

        /** Every field under {@code prefix}: ("[1]") names channel {@code [1].channel}. */
        static FieldNames under(String prefix) {
            return field -> FieldErrors.path(prefix, field);
        }
    }

    /** One event of a request: its JSON, read for this request alone, and how its fields are named. */
    public record Element(JsonNode node, FieldNames names) {
    }

    /** The raw body: one event or a batch, each with the source it names. */
    public List<ContactEvent> read(String body) {
        return read(StrictJson.tree(body), null);
    }

    /**
     * The raw body, each event published as one of {@code sources}: the first when it names none;
     * SourceNotAllowedException (403) when one names another.
     */
    public List<ContactEvent> read(String body, PostingSources sources) {
        return read(StrictJson.tree(body), sources);
    }

    public List<ContactEvent> read(JsonNode body) {
        return read(body, null);
    }

    /** A batch of {@code size} events: 400 when empty, 413 above the limit (max-batch-size). */
    public void requireBatchSize(int size) {
        if (size == 0) {
            throw new InvalidRequestException("a batch needs at least one event", List.of());
        }
        if (size > maxBatchSize) {
            throw new PayloadTooLargeException("a batch may carry at most " + maxBatchSize + " events, this one has "
                    + size + "; split it");
        }
    }

    /**
     * Events already taken out of their envelopes (CloudEvents), after {@code errors} found in those
     * envelopes: read as the canonical ones are, every bad field of every event named in one 400.
     */
    public List<ContactEvent> read(List<Element> elements, PostingSources sources, FieldErrors errors) {
        List<Problem.FieldError> notAllowed = new ArrayList<>();
        List<ContactEvent> events = new ArrayList<>();
        for (Element element : elements) {
            readOne(postedAs(element, sources, notAllowed), element.names(), errors, events);
        }
        // Invalid values first (400, whoever sends them), then sources the key may not post as (403).
        errors.throwIfAny();
        if (!notAllowed.isEmpty()) {
            throw new SourceNotAllowedException(notAllowed);
        }
        return events;
    }

    private List<ContactEvent> read(JsonNode body, PostingSources sources) {
        List<Element> elements = new ArrayList<>();
        if (body != null && body.isObject()) {
            elements.add(new Element(body, FieldNames.under("")));
        } else if (body != null && body.isArray()) {
            requireBatchSize(body.size());
            for (int i = 0; i < body.size(); i++) {
                elements.add(new Element(body.get(i), FieldNames.under("[" + i + "]")));
            }
        } else {
            throw new InvalidRequestException("the body must be a ContactEvent object or an array of them", List.of());
        }
        return read(elements, sources, new FieldErrors());
    }

    /** The event with the source it is posted as filled in; a source the key may not post as is noted. */
    private static JsonNode postedAs(Element element, PostingSources sources, List<Problem.FieldError> notAllowed) {
        if (sources == null || !(element.node() instanceof ObjectNode event)) {
            return element.node();
        }
        JsonNode named = event.get("source");
        if (named != null && !named.isNull() && !isValidSource(named)) {
            return event; // the validator names what is wrong with it
        }
        String source = sources.sourceFor(named == null || named.isNull() ? null : named.asText());
        if (source == null) {
            notAllowed.add(new Problem.FieldError(element.names().of("source"), sources.refusal()));
            return event;
        }
        // The tree was parsed from this request's body for this read alone: filled in where it is.
        return event.put("source", source);
    }

    private void readOne(JsonNode node, FieldNames names, FieldErrors errors, List<ContactEvent> out) {
        if (!node.isObject()) {
            errors.add(names.of(""), "must be a ContactEvent object");
            return;
        }
        if (!wireSpelling(node, names, errors)) {
            return;
        }
        JsonNode occurredAt = node.get("occurredAt");
        if (occurredAt != null && !occurredAt.isNull() && !occurredAt.isTextual()) {
            // Jackson would read a number as epoch seconds; the contract says ISO-8601 text.
            errors.add(names.of("occurredAt"), "must be an ISO-8601 timestamp string");
            return;
        }
        ContactEvent event;
        try {
            event = StrictJson.convert(node, ContactEvent.class);
        } catch (JsonMappingException e) {
            String field = names.of(StrictJson.pathOf(e));
            errors.add(field.isEmpty() ? "$" : field, StrictJson.safeMessage(e));
            return;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String whole = names.of("");
            errors.add(whole.isEmpty() ? "$" : whole, StrictJson.safeMessage(e));
            return;
        }
        validator.validate(event).forEach(e -> errors.add(names.of(e.field()), e.message()));
        out.add(event);
    }

    private static boolean isValidSource(JsonNode named) {
        FieldErrors errors = new FieldErrors();
        TextRules.requiredIdentifier(errors, "source", named.isTextual() ? named.asText() : null, FieldLimits.SOURCE);
        return named.isTextual() && errors.isEmpty();
    }

    /**
     * Enum values exactly as the contract spells them ("chat", not "Chat" or " chat "): the wire
     * parser forgives case and spaces for consumers' sake, the gate and the JSON Schema do not.
     */
    private static boolean wireSpelling(JsonNode node, FieldNames names, FieldErrors errors) {
        boolean ok = true;
        for (Map.Entry<String, List<String>> e : ENUMS.entrySet()) {
            JsonNode value = node.at(e.getKey());
            if (value.isTextual() && !e.getValue().contains(value.asText())) {
                String field = e.getKey().substring(1).replace('/', '.');
                errors.add(names.of(field), "must be one of " + String.join(", ", e.getValue()));
                ok = false;
            }
        }
        return ok;
    }

    private static <E extends Enum<E>> List<String> wire(E[] values, Function<E, String> wire) {
        return Arrays.stream(values).map(wire).toList();
    }
}
