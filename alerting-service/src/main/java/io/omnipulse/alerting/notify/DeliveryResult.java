package io.omnipulse.alerting.notify;

/**
 * What one delivery attempt came to. {@code retryable}: a timeout, a network error or a status
 * that may pass later (5xx, 408, 429); other failures are final.
 */
public record DeliveryResult(boolean delivered, boolean retryable, Integer statusCode, String error) {

    public static DeliveryResult ok(Integer statusCode) {
        return new DeliveryResult(true, false, statusCode, null);
    }

    public static DeliveryResult ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return ok(status);
        }
        boolean retry = status >= 500 || status == 408 || status == 429;
        return new DeliveryResult(false, retry, status, "HTTP " + status);
    }

    public static DeliveryResult transientError(String error) {
        return new DeliveryResult(false, true, null, error);
    }
}
