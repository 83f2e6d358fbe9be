package io.omnipulse.profile.streams;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.profile.domain.CustomerProfile;
import io.omnipulse.profile.domain.Label;
import io.omnipulse.profile.domain.Offer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One step of identity resolution on the loop topic. The key says who handles it: a typed
 * identifier (CLAIM, OFFER, WITHDRAW, FORGET) or a customer id (FOLD, MERGED_INTO, ABSORB, REPOINT,
 * REVIVE, ERASE). Only the fields of its kind are set.
 *
 * <p>{@code hops} counts the loop-topic writes since the contact event that caused it (1 for what
 * intake writes); null in messages written before it was counted, read as 0. Bounded by the loop
 * guard ({@link LoopGuard}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoopMessage(Kind kind, ContactEvent event, Cause cause, String identifier, Label label,
        Gathered gathered, CustomerProfile profile, CustomersMerged merge, Offer offer, Integer hops, Erasure erasure) {

    /** The fields of the kinds but erasures. */
    public LoopMessage(Kind kind, ContactEvent event, Cause cause, String identifier, Label label, Gathered gathered,
            CustomerProfile profile, CustomersMerged merge, Offer offer, Integer hops) {
        this(kind, event, cause, identifier, label, gathered, profile, merge, offer, hops, null);
    }

    public enum Kind {
        /**
         * To an identifier: an event carried you with these others ({@code cause.identifiers()}, strongest
         * first). Carries the {@code event} and the labels {@code gathered} from the identifiers claimed
         * before: the event passes from one identifier to the next, and the last one resolves it.
         */
        CLAIM,
        /** To an identifier: the linked {@code identifier} reaches what {@code offer} says. */
        OFFER,
        /** To an identifier: the linked {@code identifier} became shared; forget its offer. */
        WITHDRAW,
        /** To a customer: fold this resolved event in. */
        FOLD,
        /** To a customer: you were merged into merge.survivorId. */
        MERGED_INTO,
        /** To a survivor: fold this merged profile in. */
        ABSORB,
        /**
         * To a merged id: your survivor {@code identifier} was merged further, point at merge.survivorId
         * (only if you still point at {@code identifier}; null in older messages: unconditionally).
         */
        REPOINT,
        /**
         * To a merged id: you lead your own group again, because a late, earlier event made you the
         * oldest or, with {@code label} set to the group you leave, because that group was split.
         */
        REVIVE,
        /**
         * To a customer id: forget this customer (delete the profile, or a merged id's pointer), then pass
         * the erasure on to the first of {@code erasure.remaining}.
         */
        ERASE,
        /** To an identifier: forget it (its index entry), then pass the erasure on. */
        FORGET
    }

    /**
     * An erasure on its way through the customer's keys, one at a time, so that the last one publishes
     * that profile-service is done only once every key is forgotten.
     *
     * @param remaining the keys still to forget after this one: identifiers, then merged customer ids
     * @param erased    how many store entries were deleted so far
     */
    public record Erasure(ErasureRequested request, List<String> remaining, long erased) {

        public Erasure {
            remaining = remaining == null ? List.of() : List.copyOf(remaining);
        }
    }

    /**
     * The labels of an event's identifiers claimed so far, each taken right after its claim, and those
     * of them that are shared: what attributing the event needs once every identifier has answered.
     */
    public record Gathered(Map<String, Label> labels, List<String> shared) {

        public static final Gathered NOTHING = new Gathered(Map.of(), List.of());

        public Gathered {
            labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
            shared = shared == null ? List.of() : List.copyOf(shared);
        }

        /** With {@code identifier}'s label after its claim. */
        public Gathered with(String identifier, Label label, boolean isShared) {
            Map<String, Label> more = new TreeMap<>(labels);
            more.put(identifier, label);
            List<String> sharedMore = new ArrayList<>(shared);
            if (isShared && !sharedMore.contains(identifier)) {
                sharedMore.add(identifier);
            }
            return new Gathered(more, sharedMore);
        }

        /** The first of {@code identifiers} not claimed yet, or null when every one has answered. */
        public String nextOf(List<String> identifiers) {
            return identifiers.stream().filter(id -> !labels.containsKey(id)).findFirst().orElse(null);
        }
    }

    /** The event that caused a step, so that a merge can name the event that linked the customers. */
    public record Cause(String source, String eventId, List<String> identifiers, Instant occurredAt) {

        public String eventKey() {
            return source + "/" + eventId;
        }
    }

    /** The claim of an event's identifier that carries the event on: labels {@code gathered} from those before. */
    static LoopMessage claimResolving(ContactEvent event, Cause cause, Gathered gathered) {
        return new LoopMessage(Kind.CLAIM, event, cause, null, null, gathered, null, null, null, null);
    }

    static LoopMessage offer(String from, Offer offer, Cause cause) {
        return new LoopMessage(Kind.OFFER, null, cause, from, null, null, null, null, offer, null);
    }

    static LoopMessage withdraw(String from, Cause cause) {
        return new LoopMessage(Kind.WITHDRAW, null, cause, from, null, null, null, null, null, null);
    }

    static LoopMessage fold(ContactEvent event) {
        return new LoopMessage(Kind.FOLD, event, null, null, null, null, null, null, null, null);
    }

    static LoopMessage mergedInto(CustomersMerged merge) {
        return new LoopMessage(Kind.MERGED_INTO, null, null, null, null, null, null, merge, null, null);
    }

    static LoopMessage absorb(CustomerProfile profile, CustomersMerged merge) {
        return new LoopMessage(Kind.ABSORB, null, null, null, null, null, profile, merge, null, null);
    }

    static LoopMessage repoint(CustomersMerged merge, String from) {
        return new LoopMessage(Kind.REPOINT, null, null, from, null, null, null, merge, null, null);
    }

    static LoopMessage revive(Cause cause, String identifier, Label splitFrom) {
        return new LoopMessage(Kind.REVIVE, null, cause, identifier, splitFrom, null, null, null, null, null);
    }

    /**
     * A step of an erasure: ERASE for a customer id, FORGET for a typed identifier. Always one hop: the
     * chain is bounded by its list of keys, which shrinks at every step, not by the loop guard.
     */
    static LoopMessage erasing(String key, Erasure erasure) {
        Kind kind = isIdentifier(key) ? Kind.FORGET : Kind.ERASE;
        return new LoopMessage(kind, null, null, null, null, null, null, null, null, 1, erasure);
    }

    /** Typed identifiers are {@code type:value}; customer ids ({@code cus-...}) have no colon. */
    static boolean isIdentifier(String key) {
        return key.indexOf(':') > 0;
    }

    int hopCount() {
        return hops == null ? 0 : hops;
    }

    /** This message, written to the loop one hop after {@code previous} (null: the first write). */
    LoopMessage after(LoopMessage previous) {
        int next = previous == null ? 1 : previous.hopCount() + 1;
        return new LoopMessage(kind, event, cause(), identifier, label, gathered, profile, merge, offer, next, erasure);
    }

    static Cause cause(ContactEvent event, List<String> identifiers) {
        return new Cause(event.source(), event.eventId(), identifiers, event.occurredAt());
    }
}
