package io.omnipulse.alerting.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What readiness needs to know about each incoming channel: whether its consumer has joined the
 * group (an instance may legitimately own no partition of a topic, so assignment itself is not
 * required) and whether a transient failure is being retried right now.
 */
@ApplicationScoped
public class ConsumerStates {

    private final Map<String, Boolean> joined = new ConcurrentHashMap<>();
    private final Map<String, String> retrying = new ConcurrentHashMap<>();

    public void joined(String channel, boolean member) {
        joined.put(channel, member);
    }

    public boolean hasJoined(String channel) {
        return joined.getOrDefault(channel, false);
    }

    /** The channel is retrying a transient failure of this kind (an exception class name). */
    public void retrying(String channel, String failure) {
        retrying.put(channel, failure);
    }

    public void recovered(String channel) {
        retrying.remove(channel);
    }

    public Optional<String> retryingFailure(String channel) {
        return Optional.ofNullable(retrying.get(channel));
    }
}
