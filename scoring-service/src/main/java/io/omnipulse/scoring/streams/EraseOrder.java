package io.omnipulse.scoring.streams;

import io.omnipulse.events.ErasureRequested;

/** What tells a customer's partition to erase the customer of the record key ({@link EraseCustomer}). */
sealed interface EraseOrder {

    /** When the erasure was requested (epoch millis): the key's events ingested before it are the erased ones. */
    long requestedAt();

    /** A request on cx.erasures.v1 for the key itself. */
    record Requested(ErasureRequested request) implements EraseOrder {
        @Override
        public long requestedAt() {
            return request.requestedAt().toEpochMilli();
        }
    }

    /**
     * The key is a merged id whose state went to {@code erased}, and {@code erased} was erased: the
     * key goes too, if its pointer still names {@code erased} (a merged id that lives again, or that
     * a newer merge sent elsewhere, no longer belongs to the erased customer).
     */
    record MergedId(String erased, long requestedAt) implements EraseOrder {
    }
}
