package io.omnipulse.streamsupport;

import io.omnipulse.events.ErasureRequested;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Reads erasure requests like the catalog's deserializer, and refuses as unreadable a request that
 * cannot be carried out or reported: without an erasure id, a customer id or a requestedAt. It goes
 * to the dead-letter topic (stage deserialize) with its bytes, and the next request is read; erasing
 * "whatever came before an unknown time" would guess. Profile and scoring read requests through it alike.
 */
public final class ErasureRequestGate implements Deserializer<ErasureRequested> {

    private final Deserializer<ErasureRequested> inner;

    private ErasureRequestGate(Deserializer<ErasureRequested> inner) {
        this.inner = inner;
    }

    /** {@code serde} with its deserializer gated, for {@code Consumed.with(...)}. */
    public static Serde<ErasureRequested> gated(Serde<ErasureRequested> serde) {
        return Serdes.serdeFrom(serde.serializer(), gated(serde.deserializer()));
    }

    /** {@code deserializer} gated, for {@code Topology.addSource(...)}. */
    public static Deserializer<ErasureRequested> gated(Deserializer<ErasureRequested> deserializer) {
        return new ErasureRequestGate(deserializer);
    }

    @Override
    public ErasureRequested deserialize(String topic, byte[] data) {
        return check(inner.deserialize(topic, data));
    }

    @Override
    public ErasureRequested deserialize(String topic, Headers headers, byte[] data) {
        return check(inner.deserialize(topic, headers, data));
    }

    private static ErasureRequested check(ErasureRequested request) {
        if (request != null && (blank(request.erasureId()) || blank(request.customerId()) || request.requestedAt() == null)) {
            throw new SerializationException("an erasure request needs erasureId, customerId and requestedAt");
        }
        return request;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @Override
    public void close() {
        inner.close();
    }
}
