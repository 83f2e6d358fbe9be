package io.omnipulse.profile.streams;

import io.omnipulse.events.ErasureProgress;
import io.omnipulse.profile.domain.ErasureStatus;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Folds each erasure's progress, from every service, into its status (GET /v1/erasures/{id}). */
final class ErasureStatusProcessor implements Processor<String, ErasureProgress, Void, Void> {

    private KeyValueStore<String, ErasureStatus> statuses;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        statuses = context.getStateStore(ProfileTopology.ERASURE_STATUS_STORE);
    }

    @Override
    public void process(Record<String, ErasureProgress> record) {
        ErasureProgress progress = record.value();
        if (progress == null || progress.erasureId() == null || progress.step() == null) {
            return;
        }
        statuses.put(progress.erasureId(), ErasureStatus.fold(statuses.get(progress.erasureId()), progress));
    }
}
