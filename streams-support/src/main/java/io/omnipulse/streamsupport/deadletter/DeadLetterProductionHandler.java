package io.omnipulse.streamsupport.deadletter;

import io.omnipulse.events.DeadLetters.Stage;
import io.omnipulse.events.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.jboss.logging.Logger;

/**
 * An output record that cannot be serialized or written (too large, refused by the broker): the input
 * record it came from goes to the dead-letter topic and the stream goes on ({@code production.exception.handler}).
 * Transient broker errors are retried instead, as Kafka Streams' default handler does.
 *
 * <p>An output sent outside the processing of a record (a changelog write when the store cache is flushed
 * at commit) has no input record: it is dropped and counted in {@code omnipulse_streams_outputs_dropped_total}.
 *
 * <p>One input record can fail several outputs (the identity loop sends one message per identifier); only
 * the first failure of an input record is dead-lettered. A dead letter that itself cannot be written is
 * logged and dropped: there is nowhere further to put it, and failing would replay the same record for ever.
 */
public class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = Logger.getLogger(DeadLetterProductionHandler.class);

    private DeadLetterWriter writer;
    private String lastSource;

    @Override
    public void configure(Map<String, ?> configs) {
        writer = DeadLetterWriter.configured(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
            Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        return deadLetter(context, record.topic(), exception);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
            SerializationExceptionOrigin origin) {
        return deadLetter(context, record.topic(), exception);
    }

    private synchronized Response deadLetter(ErrorHandlerContext context, String outputTopic, Exception exception) {
        if (Topics.DEAD_LETTERS.name().equals(outputTopic)) {
            LOG.errorf("A dead letter for %s-%d@%d could not be written (%s); dropped", context.topic(),
                    context.partition(), context.offset(), exception.getClass().getName());
            return Response.resume();
        }
        if (context.topic() == null) {
            // Sent outside the processing of a record (a cache flush to a changelog at commit, a punctuation):
            // there is no input record to keep, and the output alone (store internals) could not be replayed.
            // Kafka Streams 4.2.1 also fails with a NullPointerException on a dead letter sent without a
            // record context, so none is sent: the output is dropped, logged and counted.
            writer.dropped(outputTopic, exception);
            return Response.resume();
        }
        String source = context.topic() + "-" + context.partition() + "@" + context.offset();
        if (source.equals(lastSource)) {
            return Response.resume();
        }
        lastSource = source;
        return Response.resume(List.of(writer.deadLetter(context.topic(), context.partition(), context.offset(),
                context.sourceRawKey(), context.sourceRawValue(), Stage.PRODUCE, exception)));
    }
}
