package io.omnipulse.profile.streams;

import io.omnipulse.events.ErasureProgress;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Passes an erasure from one forgotten key to the next through the loop topic, each key on its own
 * partition, and publishes that profile-service is done after the last one: in the transaction of that
 * last delete, so "done" is never published before every entry is gone.
 */
final class ErasureChain {

    /** The step profile-service publishes on cx.erasure-progress.v1. */
    static final String SERVICE = "profile-service";

    private ErasureChain() {
    }

    /** After this step deleted {@code erasedHere} entries: on to the next key, or done. */
    static void next(ProcessorContext<String, Object> context, Record<String, ? extends LoopMessage.ErasureStep> record,
            long erasedHere) {
        LoopMessage.Erasure erasure = record.value().erasure();
        long erased = erasure.erased() + erasedHere;
        if (erasure.remaining().isEmpty()) {
            ErasureProgress done = ErasureProgress.done(erasure.request(), SERVICE,
                    Instant.ofEpochMilli(context.currentSystemTimeMs()), erased);
            context.forward(record.withKey(erasure.request().erasureId()).withValue(done), ProfileTopology.PROGRESS_SINK);
            return;
        }
        String next = erasure.remaining().get(0);
        LoopMessage.Erasure rest = new LoopMessage.Erasure(erasure.request(),
                erasure.remaining().subList(1, erasure.remaining().size()), erased);
        context.forward(record.withKey(next).withValue(LoopMessage.erasing(next, rest)), ProfileTopology.LOOP_SINK);
    }
}
