package io.omnipulse.profile.streams;

import io.omnipulse.events.ErasureRequested;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Hands each erasure request to the customer's key on the identity loop, where the profile store is. */
final class ErasureIntake implements Processor<String, ErasureRequested, String, LoopMessage> {

    private ProcessorContext<String, LoopMessage> context;

    @Override
    public void init(ProcessorContext<String, LoopMessage> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, ErasureRequested> record) {
        ErasureRequested request = record.value();
        if (request == null) {
            return; // an incomplete request was dead-lettered when read (ErasureRequestGate)
        }
        LoopMessage erase = LoopMessage.erasing(request.customerId(), new LoopMessage.Erasure(request, List.of(), 0));
        context.forward(record.withKey(request.customerId()).withValue(erase));
    }
}
