package io.omnipulse.profile.streams;

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
import java.util.Objects;
import java.util.TreeMap;

/**
 * One step of identity resolution on the loop topic, one type per kind of step, each with exactly the
 * fields it needs. The key says who handles it: a typed identifier for the steps {@link ToIdentifier}
 * (the identity processor's), a customer id for the steps {@link ToCustomer} (the profile processor's);
 * {@link LoopGuard} routes each to its processor by that type.
 *
 * <p>{@code hops} counts the loop-topic writes since the contact event that caused it (1 for what
 * intake writes; 0 in messages written before it was counted). Bounded by the loop guard.
 */
public sealed interface LoopMessage {

    int hops();

    /** This message with another hop count. */
    LoopMessage withHops(int hops);

    /** This message, written to the loop one hop after {@code previous}. */
    default LoopMessage after(LoopMessage previous) {
        return withHops(previous.hops() + 1);
    }

    /** The steps an identifier handles (key: a typed identifier), in the identity processor. */
    sealed interface ToIdentifier extends LoopMessage permits Claim, Offered, Withdrawn, Forget {
    }

    /** The steps a customer id handles (key: a customer id), in the profile processor. */
    sealed interface ToCustomer extends LoopMessage permits Fold, MergedInto, Absorb, Repoint, Revive, Erase {
    }

    /** A step of an erasure: {@link Erase} at a customer id, {@link Forget} at a typed identifier. */
    sealed interface ErasureStep extends LoopMessage permits Erase, Forget {

        Erasure erasure();
    }

    /**
     * To an identifier: an event carried you with these others ({@code cause.identifiers()}, strongest
     * first), with the labels {@code gathered} from the identifiers claimed before: the event passes from
     * one identifier to the next, and the last one resolves it.
     */
    record Claim(ContactEvent event, Cause cause, Gathered gathered, int hops) implements ToIdentifier {

        public Claim {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(cause, "cause");
            gathered = gathered == null ? Gathered.NOTHING : gathered;
        }

        @Override
        public Claim withHops(int hops) {
            return new Claim(event, cause, gathered, hops);
        }
    }

    /** To an identifier: the linked identifier {@code from} reaches what {@code offer} says. */
    record Offered(String from, Offer offer, Cause cause, int hops) implements ToIdentifier {

        public Offered {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public Offered withHops(int hops) {
            return new Offered(from, offer, cause, hops);
        }
    }

    /** To an identifier: the linked identifier {@code from} became shared; forget its offer. */
    record Withdrawn(String from, Cause cause, int hops) implements ToIdentifier {

        public Withdrawn {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public Withdrawn withHops(int hops) {
            return new Withdrawn(from, cause, hops);
        }
    }

    /** To an identifier: forget it (its index entry), then pass the erasure on. */
    record Forget(Erasure erasure, int hops) implements ToIdentifier, ErasureStep {

        public Forget {
            Objects.requireNonNull(erasure, "erasure");
        }

        @Override
        public Forget withHops(int hops) {
            return new Forget(erasure, hops);
        }
    }

    /** To a customer: fold this resolved event in. */
    record Fold(ContactEvent event, int hops) implements ToCustomer {

        public Fold {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public Fold withHops(int hops) {
            return new Fold(event, hops);
        }
    }

    /** To a customer: you were merged into {@code merge.survivorId()}. */
    record MergedInto(CustomersMerged merge, int hops) implements ToCustomer {

        public MergedInto {
            Objects.requireNonNull(merge, "merge");
        }

        @Override
        public MergedInto withHops(int hops) {
            return new MergedInto(merge, hops);
        }
    }

    /** To a survivor: fold this merged profile in (null: the merged id had none yet; only the merge is listed). */
    record Absorb(CustomerProfile profile, CustomersMerged merge, int hops) implements ToCustomer {

        public Absorb {
            Objects.requireNonNull(merge, "merge");
        }

        @Override
        public Absorb withHops(int hops) {
            return new Absorb(profile, merge, hops);
        }
    }

    /**
     * To a merged id: your survivor {@code from} was merged further, point at {@code merge.survivorId()}
     * (only if you still point at {@code from}; null in older messages: unconditionally).
     */
    record Repoint(CustomersMerged merge, String from, int hops) implements ToCustomer {

        public Repoint {
            Objects.requireNonNull(merge, "merge");
        }

        @Override
        public Repoint withHops(int hops) {
            return new Repoint(merge, from, hops);
        }
    }

    /**
     * To a merged id: you lead your own group again, because a late, earlier event made your
     * {@code identifier} the oldest or, with {@code splitFrom} set to the group you leave, because that
     * group was split.
     */
    record Revive(Cause cause, String identifier, Label splitFrom, int hops) implements ToCustomer {

        public Revive {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(identifier, "identifier");
        }

        @Override
        public Revive withHops(int hops) {
            return new Revive(cause, identifier, splitFrom, hops);
        }
    }

    /**
     * To a customer id: forget this customer (delete the profile, or a merged id's pointer), then pass
     * the erasure on to the first of {@code erasure.remaining()}.
     */
    record Erase(Erasure erasure, int hops) implements ToCustomer, ErasureStep {

        public Erase {
            Objects.requireNonNull(erasure, "erasure");
        }

        @Override
        public Erase withHops(int hops) {
            return new Erase(erasure, hops);
        }
    }

    /**
     * An erasure on its way through the customer's keys, one at a time, so that the last one publishes
     * that profile-service is done only once every key is forgotten.
     *
     * @param remaining the keys still to forget after this one: identifiers, then merged customer ids
     * @param erased    how many store entries were deleted so far
     */
    record Erasure(ErasureRequested request, List<String> remaining, long erased) {

        public Erasure {
            Objects.requireNonNull(request, "request");
            remaining = remaining == null ? List.of() : List.copyOf(remaining);
        }
    }

    /**
     * The labels of an event's identifiers claimed so far, each taken right after its claim, and those
     * of them that are shared: what attributing the event needs once every identifier has answered.
     */
    record Gathered(Map<String, Label> labels, List<String> shared) {

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
    record Cause(String source, String eventId, List<String> identifiers, Instant occurredAt) {

        public String eventKey() {
            return source + "/" + eventId;
        }
    }

    /**
     * The step of an erasure at {@code key}: {@link Forget} for a typed identifier, {@link Erase} for a
     * customer id. Always one hop: the chain is bounded by its list of keys, which shrinks at every step,
     * not by the loop guard.
     */
    static ErasureStep erasing(String key, Erasure erasure) {
        return isIdentifier(key) ? new Forget(erasure, 1) : new Erase(erasure, 1);
    }

    /** Typed identifiers are {@code type:value}; customer ids ({@code cus-...}) have no colon. */
    static boolean isIdentifier(String key) {
        return key.indexOf(':') > 0;
    }

    static Cause cause(ContactEvent event, List<String> identifiers) {
        return new Cause(event.source(), event.eventId(), identifiers, event.occurredAt());
    }
}
