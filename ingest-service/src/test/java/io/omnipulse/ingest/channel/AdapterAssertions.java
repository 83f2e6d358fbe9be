package io.omnipulse.ingest.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omnipulse.problem.InvalidRequestException;
import io.omnipulse.problem.Problem.FieldError;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The fields a rejected native payload was blamed on. */
final class AdapterAssertions {

    private AdapterAssertions() {
    }

    static ListAssert<String> rejectedFields(ThrowingCallable mapping) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, mapping);
        assertThat(e).as("expected the payload to be rejected with a 400").isNotNull();
        return assertThat(e.errors().stream().map(FieldError::field).toList());
    }
}
