package io.omnipulse.alerting.messaging;

import io.omnipulse.alerting.config.AlertingConfig;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.Scale;
import io.omnipulse.events.ScoreUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Refuses an input record that parsed but that no producer of ours could have written, before it
 * reaches the rules or the database: text longer than {@code max-text-length} or holding control
 * characters (PostgreSQL refuses NUL), an instant outside 1900-9999 (PostgreSQL's timestamptz and
 * every rule's arithmetic), required fields missing, and values that cannot be (an answer off its
 * scale, a merge without both ids, an erasure without its ids or time, an index outside 0-100,
 * negative counts). The names in the message are field names, never values: dead-letter headers and
 * logs carry no personal data.
 */
@ApplicationScoped
public class RecordChecks {

    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final int maxText;

    @jakarta.inject.Inject
    public RecordChecks(AlertingConfig config) {
        this(config.consumers().maxTextLength());
    }

    RecordChecks(int maxText) {
        this.maxText = maxText;
    }

    /** Throws {@link InvalidRecordException} naming the first field that is wrong. */
    public void check(String key, Object value) {
        if (key != null) {
            text("key", key);
        }
        walk(new FieldPath(null, value.getClass().getSimpleName()), value);
        if (value instanceof ContactEvent event) {
            contact(event);
        } else if (value instanceof CustomersMerged merge) {
            require(merge.survivorId() != null && merge.mergedId() != null
                    && !merge.survivorId().isBlank() && !merge.mergedId().isBlank(), "survivorId and mergedId are required");
            // A merge into itself is valid: it says the id lives again (CustomersMerged).
        } else if (value instanceof ScoreUpdated update) {
            require(update.scope() != null && update.key() != null && update.window() != null,
                    "scope, key and window are required");
            ScoreUpdated.Nps nps = update.nps();
            require(nps == null || nps.n() >= 0 && nps.promoters() >= 0 && nps.passives() >= 0
                    && nps.detractors() >= 0 && nps.promoters() + nps.passives() + nps.detractors() <= nps.n(),
                    "nps counts must be non-negative and within n");
        } else if (value instanceof ErasureRequested erasure) {
            require(present(erasure.erasureId()) && present(erasure.customerId()) && erasure.requestedAt() != null,
                    "erasureId, customerId and requestedAt are required");
        } else if (value instanceof EffortIndexUpdated effort) {
            require(effort.customerId() != null, "customerId is required");
            require(effort.index() >= 0 && effort.index() <= 100, "index must lie in 0..100");
        }
    }

    private static void contact(ContactEvent event) {
        require(event.eventId() != null && event.source() != null && event.type() != null
                && event.occurredAt() != null, "eventId, source, type and occurredAt are required");
        FeedbackDetails feedback = event.feedback();
        if (feedback != null && feedback.metric() != null && feedback.score() != null) {
            Scale scale = feedback.effectiveScale();
            require(scale.min() < scale.max(), "feedback.scale: min must be below max");
            require(scale.contains(feedback.score()), "feedback.score lies off its scale");
        }
    }

    private void walk(FieldPath path, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            text(path, text);
        } else if (value instanceof Instant instant) {
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new InvalidRecordException(path + " lies outside 1900-9999");
            }
        } else if (value instanceof Collection<?> items) {
            FieldPath item = path.child("[]");
            for (Object each : items) {
                walk(item, each);
            }
        } else if (value instanceof Record record) {
            for (Component component : COMPONENTS.get(record.getClass())) {
                walk(path.child(component.name()), component.read(record));
            }
        }
    }

    /**
     * Where a value sits in the record (e.g. {@code ContactEvent.customer.email}), spelled out only
     * for the message of a refusal: every field of every record is walked, and nearly all are fine.
     */
    private record FieldPath(FieldPath parent, String name) {

        FieldPath child(String child) {
            return new FieldPath(this, child);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return name;
            }
            return parent + (name.equals("[]") ? "" : ".") + name;
        }
    }

    /**
     * A record class's components with their accessors, looked up once per class: reflection's
     * getRecordComponents copies them on every call and Method.invoke checks access on every call,
     * which took 7.5 % of alerting's CPU samples under the pipeline bench (JFR; 0.4 % since).
     */
    private record Component(String name, Method accessor) {

        Object read(Record record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
        }
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> components = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                // The wire records are public; access is checked here once instead of at each call.
                accessor.setAccessible(true);
                components.add(new Component(component.getName(), accessor));
            }
            return List.copyOf(components);
        }
    };

    /** {@code path}: a field's name or {@link FieldPath}, made a string only for a refusal. */
    private void text(Object path, String text) {
        if (text.length() > maxText) {
            throw new InvalidRecordException(path + " is longer than " + maxText + " chars");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c) && !pairedAt(text, i)) {
                throw new InvalidRecordException(path + " holds a control character or an unpaired surrogate");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
    }

    private static boolean pairedAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidRecordException(message);
        }
    }
}
