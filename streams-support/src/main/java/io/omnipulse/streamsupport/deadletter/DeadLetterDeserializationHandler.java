package io.omnipulse.streamsupport.deadletter;

import io.omnipulse.events.DeadLetters.Stage;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * A record Kafka Streams cannot deserialize goes to the dead-letter topic with exactly the bytes that
 * were read, and the stream goes on with the next record ({@code deserialization.exception.handler}).
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private DeadLetterWriter writer;

    @Override
    public void configure(Map<String, ?> configs) {
        writer = DeadLetterWriter.configured(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        return Response.resume(List.of(writer.deadLetter(record.topic(), record.partition(), record.offset(),
                record.key(), record.value(), Stage.DESERIALIZE, exception)));
    }
}
