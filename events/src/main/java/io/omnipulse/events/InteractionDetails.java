package io.omnipulse.events;

/** What happened in a contact; present on events of type {@code interaction}. */
public record InteractionDetails(
        Direction direction,
        InteractionStatus status,
        Integer waitSeconds,
        Integer handleSeconds,
        Integer transfers,
        String subject,
        String text) {
}
