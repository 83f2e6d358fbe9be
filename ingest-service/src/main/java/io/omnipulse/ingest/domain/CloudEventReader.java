package io.omnipulse.ingest.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.ingest.domain.EventReader.Element;
import io.omnipulse.ingest.domain.EventReader.FieldNames;
import io.omnipulse.problem.InvalidRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * POST /v1/events as CloudEvents 1.0, read through the CloudEvents SDK: structured mode
 * ({@value #STRUCTURED}, the JSON event format), batch mode ({@value #BATCH}: an array of those)
 * and binary mode (HTTP binding: {@code application/json} with {@code ce-*} headers, the body the
 * data). One type is accepted, {@value #CONTACT_EVENT}, whose data is a canonical event; the
 * attributes fill in what the data leaves out ({@code id} its eventId, {@code time} its occurredAt,
 * {@code source} its source, which the API key must be allowed to post as, as in the canonical API)
 * and must agree with what it gives. Then every event is read by {@link EventReader} like a canonical
 * one, so the gate's rules, the batch limit and all-or-nothing hold alike; a problem names fields
 * where the request carries them: {@code data.customer.email}, {@code [3].type}, {@code ce-id}.
 * Other attributes (subject, dataschema, extensions such as traceparent) are allowed and ignored.
 */
public class CloudEventReader {

    public static final String STRUCTURED = "application/cloudevents+json";
    public static final String BATCH = "application/cloudevents-batch+json";
    /** The CloudEvents type of a canonical event: interaction or feedback, as its data's {@code type} says. */
    public static final String CONTACT_EVENT = "io.omnipulse.contact-event.v1";

    /** The SDK's JSON format (the SDK has no reader of the batch format: an array of the same). */
    private static final ObjectMapper FORMAT = new ObjectMapper().registerModule(JsonFormat.getCloudEventJacksonModule());

    private final EventReader reader;

    public CloudEventReader(EventReader reader) {
        this.reader = reader;
    }

    /** Where an event's attributes and data fields are in the request. */
    private record Names(UnaryOperator<String> attribute, FieldNames data, String whole) {

        /** A structured event, alone ({@code ""}) or at {@code [i]} of a batch. */
        static Names structured(String prefix) {
            return new Names(attribute -> FieldErrors.path(prefix, attribute),
                    FieldNames.under(FieldErrors.path(prefix, "data")), prefix.isEmpty() ? "$" : prefix);
        }

        /** Binary mode: the attributes are headers, the body is the data. */
        static final Names BINARY = new Names(attribute -> "ce-" + attribute, FieldNames.under(""), "$");
    }

    /** One event in structured mode. */
    public List<ContactEvent> structured(String body, PostingSources sources) {
        JsonNode tree = StrictJson.tree(body);
        if (!tree.isObject()) {
            throw new InvalidRequestException("the body must be one CloudEvent object; send several as " + BATCH,
                    List.of());
        }
        FieldErrors errors = new FieldErrors();
        return reader.read(present(fromJson(tree, Names.structured(""), errors)), sources, errors);
    }

    /** A batch: an array of structured events, accepted whole or not at all. */
    public List<ContactEvent> batch(String body, PostingSources sources) {
        JsonNode tree = StrictJson.tree(body);
        if (!tree.isArray()) {
            throw new InvalidRequestException("the body must be an array of CloudEvent objects", List.of());
        }
        reader.requireBatchSize(tree.size());
        FieldErrors errors = new FieldErrors();
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            elements.addAll(present(fromJson(tree.get(i), Names.structured("[" + i + "]"), errors)));
        }
        return reader.read(elements, sources, errors);
    }

    /** Binary mode: {@code headers} the request's ce-* and Content-Type headers, {@code body} the data. */
    public List<ContactEvent> binary(Map<String, String> headers, String body, PostingSources sources) {
        FieldErrors errors = new FieldErrors();
        CloudEvent event = null;
        try {
            // The attributes only: the data is the body, read with the gate's strict parser.
            event = HttpMessageFactory.createReader(headers, null).toEvent();
        } catch (RuntimeException refused) {
            CloudEventErrors.add(refused, Names.BINARY.attribute(), Names.BINARY.whole(), errors);
        }
        Element element = event == null ? null : element(event, StrictJson.tree(body), Names.BINARY, errors);
        return reader.read(present(element), sources, errors);
    }

    /** One event of the JSON format; null (its errors noted) when it cannot be read. */
    private static Element fromJson(JsonNode node, Names names, FieldErrors errors) {
        if (!node.isObject()) {
            errors.add(names.whole(), "must be a CloudEvent object");
            return null;
        }
        CloudEvent event;
        try {
            event = FORMAT.treeToValue(node.deepCopy(), CloudEvent.class);
        } catch (JsonProcessingException | RuntimeException refused) {
            CloudEventErrors.add(refused, names.attribute(), names.whole(), errors);
            return null;
        }
        if (event.getData() != null && !(event.getData() instanceof JsonCloudEventData)) {
            errors.add(names.attribute().apply("data_base64"), "must not be used: send the ContactEvent as data");
            return null;
        }
        return element(event, node.get("data"), names, errors);
    }

    /** The canonical event a CloudEvent carries, its attributes filled in; null (errors noted) when there is none. */
    private static Element element(CloudEvent event, JsonNode data, Names names, FieldErrors errors) {
        if (event.getSpecVersion() != SpecVersion.V1) {
            errors.add(names.attribute().apply("specversion"), "must be 1.0");
            return null;
        }
        if (!CONTACT_EVENT.equals(event.getType())) {
            errors.add(names.attribute().apply("type"), "must be " + CONTACT_EVENT + ", whose data is a ContactEvent");
            return null;
        }
        String contentType = event.getDataContentType();
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            errors.add(names.attribute().apply("datacontenttype"), "must be application/json");
            return null;
        }
        if (!(data instanceof ObjectNode fields)) {
            String whole = names.data().of("");
            errors.add(whole.isEmpty() ? "$" : whole, data == null || data.isNull() ? "is required: the ContactEvent"
                    : "must be a ContactEvent object");
            return null;
        }
        Map<String, String> filled = new HashMap<>();
        Filler filler = new Filler(fields, names, filled, errors);
        filler.fill("eventId", "id", event.getId());
        filler.fill("source", "source", event.getSource().toString());
        if (event.getTime() != null) {
            filler.fill("occurredAt", "time", event.getTime().toInstant().toString());
        }
        return new Element(fields, field -> filled.getOrDefault(field, names.data().of(field)));
    }

    /** Fills the data's fields from attributes; a field filled so is named as its attribute in a problem. */
    private record Filler(ObjectNode data, Names names, Map<String, String> filled, FieldErrors errors) {

        void fill(String field, String attribute, String value) {
            JsonNode given = data.get(field);
            String attributeName = names.attribute().apply(attribute);
            if (given == null || given.isNull()) {
                data.put(field, value);
                filled.put(field, attributeName);
            } else if (given.isTextual() && !agree(field, given.asText(), value)) {
                errors.add(attributeName, "differs from " + names.data().of(field) + "; send the same value, or leave "
                        + names.data().of(field) + " out");
            }
        }

        /** Equal values; times equal as instants (a time the reader cannot parse is its to name). */
        private static boolean agree(String field, String given, String value) {
            if (!field.equals("occurredAt")) {
                return given.equals(value);
            }
            try {
                return Instant.parse(given).equals(Instant.parse(value));
            } catch (DateTimeParseException e) {
                return true;
            }
        }
    }

    private static List<Element> present(Element element) {
        return element == null ? List.of() : List.of(element);
    }
}
