package io.omnipulse.events;

import java.time.Instant;

/**
 * One step of an erasure, published on {@link Topics#ERASURE_PROGRESS} keyed by the erasure id: the
 * request accepted ({@link #REQUESTED}), or a service done with its part. Each record repeats what
 * the status needs, so the status of an erasure is the fold of its records, in any order.
 *
 * @param step        {@link #REQUESTED}, or the name of the service that finished its part
 * @param completedAt when that service finished (for {@link #REQUESTED}: when it was accepted)
 * @param erased      how many records or rows the service erased or anonymised
 */
public record ErasureProgress(String erasureId, String customerId, Instant requestedAt, String step,
        Instant completedAt, long erased) {

    /** The step of an accepted request. */
    public static final String REQUESTED = "requested";

    /** The record a service publishes when it has done its part of {@code request}. */
    public static ErasureProgress done(ErasureRequested request, String service, Instant completedAt, long erased) {
        return new ErasureProgress(request.erasureId(), request.customerId(), request.requestedAt(), service,
                completedAt, erased);
    }
}
