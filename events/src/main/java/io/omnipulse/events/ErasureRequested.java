package io.omnipulse.events;

import java.time.Instant;

/**
 * A request to forget a customer (GDPR art. 17), published on {@link Topics#ERASURES} keyed by the
 * customer id, so that each service erases on the partition that holds the customer. It names the
 * customer by id only: the request itself keeps no identifier or text of theirs.
 *
 * @param erasureId   the request's id, as {@code GET /v1/erasures/{id}} knows it
 * @param customerId  the customer (after merges: the survivor) to erase
 * @param requestedAt when it was accepted; what a service received before that is erased with it
 * @param requestedBy the subject of the admin who asked, for the record
 */
public record ErasureRequested(String erasureId, String customerId, Instant requestedAt, String requestedBy) {
}
