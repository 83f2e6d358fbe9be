package io.omnipulse.ingest.source;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.ingest.domain.FieldErrors;
import io.omnipulse.problem.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one vendor payload became: canonical events (each with the vendor's names of its fields, so that
 * a rule the shared validator finds broken is reported in the vendor's words) and the vendor events
 * that OmniPulse acknowledges without using.
 */
public final class SourceMapping {

    /**
     * A canonical event and, per canonical path, the vendor path it came from, below {@code prefix} (empty,
     * or an element of a batch such as {@code [2].}).
     */
    public record Mapped(ContactEvent event, Map<String, String> nativeFields, String prefix) {

        public String nativeField(String canonicalPath) {
            return prefix + nativeFields.getOrDefault(canonicalPath, canonicalPath);
        }
    }

    /**
     * A vendor event not used: its type (bounded, for the answer and the log) and why, one of the
     * {@code REASON_*} words (the only values of the ignored counter's label).
     */
    public record Ignored(String vendorType, String reason) {
    }

    /** An event type OmniPulse has no mapping for. */
    public static final String REASON_UNMAPPED_TYPE = "unmapped-type";
    /** A mapped type whose content is no customer contact or answer (an agent's note, a status in between). */
    public static final String REASON_NOT_A_CONTACT = "not-a-contact";
    /** A mapped type without any customer identifier OmniPulse could key it by. */
    public static final String REASON_NO_CUSTOMER = "no-customer";

    private final List<Mapped> mapped = new ArrayList<>();
    private final List<Ignored> ignored = new ArrayList<>();

    public static SourceMapping of(ContactEvent event, Map<String, String> nativeFields) {
        return new SourceMapping().add(event, nativeFields);
    }

    public static SourceMapping ignoring(String vendorType, String reason) {
        return new SourceMapping().ignore(vendorType, reason);
    }

    public SourceMapping add(ContactEvent event, Map<String, String> nativeFields) {
        mapped.add(new Mapped(event, Map.copyOf(nativeFields), ""));
        return this;
    }

    public SourceMapping ignore(String vendorType, String reason) {
        ignored.add(new Ignored(VendorJson.bounded(vendorType), reason));
        return this;
    }

    /**
     * Adds element {@code index} of a batch, mapped by {@code element}: its fields, and the fields of a 400
     * it throws, are named below {@code [index]}, e.g. {@code [2].data.payload.task_sid}.
     */
    public SourceMapping addElement(int index, Supplier<SourceMapping> element) {
        String prefix = "[" + index + "]";
        SourceMapping mapping;
        try {
            mapping = element.get();
        } catch (InvalidRequestException e) {
            throw e.errors().isEmpty() ? new InvalidRequestException(prefix + ": " + e.getMessage(), List.of())
                    : FieldErrors.exception(e.errors(), field -> FieldErrors.path(prefix, field));
        }
        mapping.mapped.forEach(m -> mapped.add(new Mapped(m.event(), m.nativeFields(), prefix + "." + m.prefix())));
        ignored.addAll(mapping.ignored);
        return this;
    }

    public List<Mapped> mapped() {
        return List.copyOf(mapped);
    }

    public List<Ignored> ignored() {
        return List.copyOf(ignored);
    }
}
