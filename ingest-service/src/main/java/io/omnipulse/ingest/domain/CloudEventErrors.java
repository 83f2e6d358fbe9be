package io.omnipulse.ingest.domain;

import io.cloudevents.rw.CloudEventRWException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the CloudEvents SDK refused, as a field error naming the attribute, in words of our own: the
 * SDK's messages quote the refused value, and the answer never repeats what was sent. The SDK names
 * the attribute only in its messages, so they are matched here; anything unmatched names the event
 * as a whole (CloudEventReaderTest pins each case).
 */
final class CloudEventErrors {

    /** A message of the SDK, the attribute it names (fixed, or its first group) and what we answer. */
    private record Rule(Pattern pattern, String attribute, UnaryOperator<String> message) {

        String attributeIn(Matcher m) {
            return attribute != null ? attribute : m.group(1);
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("Invalid specversion"), "specversion", attribute -> "must be 1.0"),
            rule("Missing mandatory (\\w+) attribute", attribute -> "is required"),
            rule("Attribute '(\\w+)' cannot be null", attribute -> "is required"),
            rule("Attribute '(\\w+)' cannot be empty", attribute -> "must not be empty"),
            rule("Wrong type \\w+ for attribute (\\w+)", attribute -> attribute.equals("data")
                    ? "must be the ContactEvent as a JSON object, with datacontenttype application/json"
                    : "must be a string"),
            rule("Invalid attribute/extension value for \"(\\w+)\"", attribute -> switch (attribute) {
                case "time" -> "must be an RFC 3339 timestamp, e.g. 2026-11-20T10:15:00Z";
                case "source", "dataschema" -> "must be a URI-reference";
                default -> "is not a valid value";
            }),
            rule("Invalid attribute/extension type for \"(\\w+)\"", attribute -> "must be a string, boolean or integer"),
            rule("Invalid extensions name: (\\S+)", attribute -> "is no valid extension name (lower-case letters and digits)"),
            new Rule(Pattern.compile("cannot have both 'data' and 'data_base64'"), "data_base64",
                    attribute -> "must not be sent beside data"));

    private CloudEventErrors() {
    }

    /**
     * Adds what {@code refused} says to {@code errors}: under {@code name.apply(attribute)}, or
     * {@code whole} when no attribute can be told.
     */
    static void add(Throwable refused, UnaryOperator<String> name, String whole, FieldErrors errors) {
        for (Throwable t = refused; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CloudEventRWException rw
                    && rw.getKind() == CloudEventRWException.CloudEventRWExceptionKind.UNKNOWN_ENCODING) {
                // Binary mode without ce-specversion: the other ce- headers say it was meant to be one.
                errors.add(name.apply("specversion"), "is required");
                return;
            }
            String message = t.getMessage();
            for (Rule rule : message == null ? List.<Rule>of() : RULES) {
                Matcher m = rule.pattern().matcher(message);
                if (m.find()) {
                    String attribute = rule.attributeIn(m);
                    errors.add(name.apply(attribute), rule.message().apply(attribute));
                    return;
                }
            }
        }
        errors.add(whole, "is not a valid CloudEvent");
    }

    /** A rule whose attribute is the first group of {@code regex}. */
    private static Rule rule(String regex, UnaryOperator<String> message) {
        return new Rule(Pattern.compile(regex), null, message);
    }
}
