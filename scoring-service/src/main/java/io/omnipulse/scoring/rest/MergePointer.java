package io.omnipulse.scoring.rest;

/**
 * One merge of a customer id: {@code customerId} was merged into {@code survivorId}. One hop only:
 * the survivor may have been merged since, which its own pointer says.
 */
public record MergePointer(String customerId, String survivorId) {
}
