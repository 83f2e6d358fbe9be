package io.omnipulse.profile.streams;

import io.omnipulse.streamsupport.LoopGuardException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First step on the loop topic: a message that made more hops than {@code maxHops} goes no further.
 * It is counted and thrown, so that it ends as a dead letter instead of circulating.
 *
 * <p>It also routes: each kind goes only to the processor that handles it ({@link #handlerOf}), so a
 * message is not handed to processors that ignore it. A message without a value is
 * handled by nobody and goes no further.
 */
final class LoopGuard implements Processor<String, LoopMessage, String, LoopMessage> {

    private final String topic;
    private final int maxHops;
    private final ProfileMetrics metrics;
    private ProcessorContext<String, LoopMessage> context;

    LoopGuard(String topic, int maxHops, ProfileMetrics metrics) {
        this.topic = topic;
        this.maxHops = maxHops;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, LoopMessage> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, LoopMessage> record) {
        if (record.value() != null && record.value().hops() > maxHops) {
            metrics.loopGuardTripped(topic, 1);
            throw new LoopGuardException(topic, record.value().hops(), maxHops);
        }
        if (record.value() == null) {
            return;
        }
        context.forward(record, handlerOf(record.value()));
    }

    /** The processor (child of this one in {@link ProfileTopology}) that handles a message. */
    static String handlerOf(LoopMessage message) {
        return message instanceof LoopMessage.ToIdentifier ? ProfileTopology.IDENTITY : ProfileTopology.PROFILES;
    }
}
