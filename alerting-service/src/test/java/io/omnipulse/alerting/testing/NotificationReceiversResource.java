package io.omnipulse.alerting.testing;

import io.omnipulse.devstack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Reserves two free ports, one for a webhook receiver and one for an SMTP server, and points the
 * service at them with a fresh signing secret. The test that checks notifications starts the real
 * receivers on these ports (a resource's objects live in another class loader than the test).
 */
public class NotificationReceiversResource implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK_PATH = "/hooks/alerts";

    @Override
    public Map<String, String> start() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return Map.of(
                "omnipulse.alerting.notify.webhook.urls", "http://127.0.0.1:" + Ports.free() + WEBHOOK_PATH,
                "omnipulse.alerting.notify.webhook.secret", "whsec_" + Base64.getEncoder().encodeToString(key),
                "omnipulse.alerting.notify.mail.to", "support-leads@omnipulse.test",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(Ports.free()));
    }

    @Override
    public void stop() {
        // nothing held: the ports were only reserved for the configuration
    }
}
