package io.omnipulse.ingest.domain;

import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Collects every bad field of a request so the caller learns all of them in one answer. */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Adds errors found in a nested element, e.g. under {@code [2]} of a batch. */
    public FieldErrors addAll(String prefix, List<FieldError> nested) {
        nested.forEach(e -> add(path(prefix, e.field()), e.message()));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** Throws one 400 naming every collected field; does nothing when there are none. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw exception(errors, UnaryOperator.identity());
        }
    }

    /** The 400 for these errors with each field renamed, e.g. canonical names to a channel's own. */
    public static InvalidRequestException exception(List<FieldError> errors, UnaryOperator<String> rename) {
        List<FieldError> renamed = errors.stream().map(e -> new FieldError(rename.apply(e.field()), e.message())).toList();
        String detail = renamed.size() == 1
                ? renamed.get(0).field() + ": " + renamed.get(0).message()
                : renamed.size() + " invalid fields, first " + renamed.get(0).field() + ": " + renamed.get(0).message();
        return new InvalidRequestException(detail, renamed);
    }

    /** Joins a prefix and a relative path: ("[1]", "channel") -> "[1].channel", ("", "channel") -> "channel". */
    public static String path(String prefix, String field) {
        if (prefix == null || prefix.isEmpty()) {
            return field;
        }
        return field == null || field.isEmpty() ? prefix : prefix + "." + field;
    }
}
