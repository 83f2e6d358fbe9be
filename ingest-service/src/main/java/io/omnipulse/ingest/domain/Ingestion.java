package io.omnipulse.ingest.domain;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.ingest.channel.ChannelAdapter;
import io.omnipulse.ingest.messaging.EventPublisher;
import io.omnipulse.ingest.metrics.IngestMetrics;
import io.omnipulse.problem.Problem;
import io.omnipulse.problem.Problem.FieldError;
import io.omnipulse.security.CallerRateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/** The one way in: validate everything, then publish everything, then count it. */
@ApplicationScoped
public class Ingestion {

    private final EventReader reader;
    private final CloudEventReader cloudEvents;
    private final EventValidator validator;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final CallerRateLimits rateLimits;

    Ingestion(EventReader reader, CloudEventReader cloudEvents, EventValidator validator, EventPublisher publisher,
            IngestMetrics metrics, Clock clock, CallerRateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.reader = reader;
        this.cloudEvents = cloudEvents;
        this.validator = validator;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * A canonical body (one event or a batch) posted as one of {@code sources}; nothing is published
     * unless every event is valid and may be posted as the source it names.
     */
    public CompletionStage<List<ContactEvent>> acceptCanonical(String body, PostingSources sources) {
        return publish(reader.read(body, sources), sources);
    }

    /**
     * CloudEvents of type io.omnipulse.contact-event.v1 ({@link CloudEventReader}), held to the same
     * rules as a canonical body: {@code mediaType} (type/subtype, lower case) says which mode;
     * {@code headers} are the request's ce-* and Content-Type headers, for binary mode.
     */
    public CompletionStage<List<ContactEvent>> acceptCloudEvents(String mediaType, Map<String, String> headers,
            String body, PostingSources sources) {
        List<ContactEvent> events = switch (mediaType) {
            case CloudEventReader.STRUCTURED -> cloudEvents.structured(body, sources);
            case CloudEventReader.BATCH -> cloudEvents.batch(body, sources);
            default -> cloudEvents.binary(headers, body, sources);
        };
        return publish(events, sources);
    }

    /** A channel's native payload, normalised by its adapter and held to the same rules. */
    public <P> CompletionStage<ContactEvent> acceptFromChannel(ChannelAdapter<P> adapter, P payload,
            PostingSources sources) {
        String source = sources.sourceFor(adapter.namedSource(payload));
        if (source == null) {
            throw new SourceNotAllowedException(List.of(new Problem.FieldError("source", sources.refusal())));
        }
        ContactEvent event = PostingSources.withSource(adapter.toEvent(payload), source);
        return acceptMapped(List.of(event), List.of(adapter::nativeField), sources).thenApply(published -> published.get(0));
    }

    /**
     * Events mapped from a payload of another shape (a channel's, a vendor webhook's), published all or
     * none: each is held to the same rules, and a broken one is reported by the name the payload gave the
     * field ({@code nativeNames}, one per event).
     */
    public CompletionStage<List<ContactEvent>> acceptMapped(List<ContactEvent> events,
            List<UnaryOperator<String>> nativeNames, PostingSources sources) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            UnaryOperator<String> rename = nativeNames.get(i);
            validator.validate(events.get(i)).forEach(e -> errors.add(new FieldError(rename.apply(e.field()), e.message())));
        }
        if (!errors.isEmpty()) {
            throw FieldErrors.exception(errors, UnaryOperator.identity());
        }
        return publish(events, sources);
    }

    private CompletionStage<List<ContactEvent>> publish(List<ContactEvent> events, PostingSources sources) {
        long retryAfter = rateLimits.tryTake(sources.keyId(), events.size());
        if (retryAfter > 0) {
            throw new RateLimitedException(retryAfter);
        }
        Instant now = clock.instant();
        List<ContactEvent> stamped = events.stream().map(e -> e.withIngestedAt(now)).toList();
        return publisher.publish(stamped).thenApply(published -> {
            published.forEach(metrics::accepted);
            return published;
        });
    }
}
