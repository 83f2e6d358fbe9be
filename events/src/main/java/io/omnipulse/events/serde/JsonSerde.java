package io.omnipulse.events.serde;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** JSON serde for any record type, using {@link EventJson}. Also usable for state-store values. */
public class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final JavaType type;
    // Bound once to the type, so that reading does not look the root type's deserializer up per record.
    // Writing keeps the runtime class (as writeValueAsBytes does): a writer bound to a polymorphic base
    // such as AlertEvent would serialize the base's properties only.
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public JsonSerde(Class<T> type) {
        this.type = EventJson.mapper().constructType(type);
        this.reader = EventJson.mapper().readerFor(this.type);
        this.writer = EventJson.mapper().writer();
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type + " for topic " + topic, e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return reader.readValue(data);
        } catch (IOException e) {
            throw new SerializationException("cannot read " + type + " from topic " + topic, e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the mapping is fixed by the wire contract
    }

    @Override
    public void close() {
        // nothing to release: the mapper is shared
    }
}
