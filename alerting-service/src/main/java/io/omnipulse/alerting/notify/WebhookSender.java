package io.omnipulse.alerting.notify;

import io.omnipulse.alerting.config.NotifyConfig;
import io.omnipulse.http.WholeAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/** Posts one signed webhook (Standard Webhooks headers) and reports the result; never throws. */
@ApplicationScoped
public class WebhookSender {

    private final NotifyConfig config;
    private final Clock clock;
    private final HttpClient http;
    private volatile WebhookSigner signer;

    public WebhookSender(NotifyConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.webhook().timeout()).build();
    }

    public DeliveryResult send(String url, String messageId, String body) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.webhook().timeout())
                    .header("content-type", "application/json")
                    .header("webhook-id", messageId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signer().sign(messageId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (IllegalArgumentException e) {
            // A bad URL or secret will not heal by waiting.
            return new DeliveryResult(false, false, null, e.getMessage());
        }
        try {
            HttpResponse<Void> response = http.send(request,
                    WholeAnswer.within(config.webhook().timeout(), HttpResponse.BodyHandlers.discarding()));
            return DeliveryResult.ofStatus(response.statusCode());
        } catch (IOException e) {
            return DeliveryResult.transientError(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.transientError("interrupted");
        }
    }

    private WebhookSigner signer() {
        if (signer == null) {
            signer = new WebhookSigner(config.webhook().secret()
                    .orElseThrow(() -> new IllegalArgumentException("omnipulse.alerting.notify.webhook.secret is not set")));
        }
        return signer;
    }
}
