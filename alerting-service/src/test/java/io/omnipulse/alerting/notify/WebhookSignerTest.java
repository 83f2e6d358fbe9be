package io.omnipulse.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void signsTheStandardWebhooksReferenceExample() {
        // The example from the Standard Webhooks specification (standard-webhooks/standard-webhooks, spec).
        WebhookSigner signer = new WebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String body = "{\"test\": 2432232314}";
        assertThat(signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void thePrefixIsOptional() {
        String withPrefix = new WebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").sign("id", 1, "{}");
        assertThat(new WebhookSigner("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").sign("id", 1, "{}")).isEqualTo(withPrefix);
    }

    @Test
    void aMissingOrNonBase64SecretIsRejected() {
        assertThatThrownBy(() -> new WebhookSigner(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSigner("whsec_not base64!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(50)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void serverErrorsTimeoutsAndThrottlingAreRetriedOtherClientErrorsAreNot() {
        assertThat(DeliveryResult.ofStatus(204).delivered()).isTrue();
        assertThat(DeliveryResult.ofStatus(500).retryable()).isTrue();
        assertThat(DeliveryResult.ofStatus(503).retryable()).isTrue();
        assertThat(DeliveryResult.ofStatus(408).retryable()).isTrue();
        assertThat(DeliveryResult.ofStatus(429).retryable()).isTrue();
        assertThat(DeliveryResult.ofStatus(400).retryable()).isFalse();
        assertThat(DeliveryResult.ofStatus(410).delivered()).isFalse();
    }
}
