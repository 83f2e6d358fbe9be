package io.omnipulse.streamsupport.deadletter;

import io.omnipulse.events.DeadLetters.Stage;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * An exception thrown while a processor handles a record (KIP-1033, {@code processing.exception.handler}):
 * the input record that led to it goes to the dead-letter topic with its raw bytes as read from its source
 * topic (KIP-1034's {@code sourceRawKey/Value}), and the stream goes on with the next record. What the
 * failing processor had already forwarded for that record stays forwarded.
 */
public class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = Logger.getLogger(DeadLetterProcessingHandler.class);

    private DeadLetterWriter writer;

    @Override
    public void configure(Map<String, ?> configs) {
        writer = DeadLetterWriter.configured(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (context.topic() == null) {
            // A punctuation has no input record to keep: skip this run, the next one tries again.
            LOG.errorf("Punctuation in processor %s of task %s failed (%s); skipped", context.processorNodeId(),
                    context.taskId(), exception.getClass().getName());
            return Response.resume();
        }
        return Response.resume(List.of(writer.deadLetter(context.topic(), context.partition(), context.offset(),
                context.sourceRawKey(), context.sourceRawValue(), Stage.PROCESS, exception)));
    }
}
