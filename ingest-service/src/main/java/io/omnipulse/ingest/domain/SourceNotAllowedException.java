package io.omnipulse.ingest.domain;

import io.omnipulse.problem.Problem;
import java.util.List;

/** Events name a source that the caller's API key may not post as: 403, naming each such field. */
public class SourceNotAllowedException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public SourceNotAllowedException(List<Problem.FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " events name a source this API key may not post as");
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
