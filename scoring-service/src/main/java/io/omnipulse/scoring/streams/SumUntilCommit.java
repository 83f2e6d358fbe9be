package io.omnipulse.scoring.streams;

import java.util.function.BinaryOperator;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Adds up the changes per key until the commit and passes on one sum per key and commit, instead of
 * every change, for a repartition into additive aggregates (effort changes by scope key: every
 * customer's change lands on {@code global|all}, its channel and its team). Exact, as long as the
 * aggregate adds changes up ({@code plus} associative and commutative). Values wait until the commit
 * through {@link CommitFlush}; at most {@code maxPending} keys per task, a
 * further new key's change passes on at once.
 */
final class SumUntilCommit<V> extends ContextualProcessor<String, V, String, V> {

    /** Keys a task sums for: the scope keys of effort are global, four channels and the teams. */
    static final int DEFAULT_MAX_PENDING = 10_000;

    private final String storeName;
    private final BinaryOperator<V> plus;
    private CommitFlush<V> sums;

    SumUntilCommit(String storeName, BinaryOperator<V> plus) {
        this.storeName = storeName;
        this.plus = plus;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        super.init(context);
        sums = CommitFlush.onFlush(context, storeName, DEFAULT_MAX_PENDING, context::forward);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null || record.value() == null || !sums.hold(record, plus)) {
            context().forward(record);
        }
    }

    @Override
    public void close() {
        // A task closed without a commit aborted its transaction: what was pending is recomputed.
        sums.clear();
    }
}
