package io.omnipulse.alerting.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.omnipulse.alerting.testing.CannedContext;
import io.omnipulse.alerting.testing.ContextServersResource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What answers the alerting service during a storm, as in production: a webhook receiver that takes
 * every notification (204), an SMTP server that takes every mail (GreenMail), and profile- and
 * scoring-service answering each context request with a customer's profile and scores. Without them
 * every delivery and context fetch fails and is retried until its attempts run out, so a storm would
 * measure retries of connections refused instead of the work an alert costs.
 */
final class StormReceivers implements AutoCloseable {

    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpServer webhooks;
    private final HttpServer context;
    private final GreenMail smtp;

    StormReceivers() throws IOException {
        // The JDK server writes headers and body apart; with Nagle on, each answer waits out the
        // client's delayed ACK (~40 ms), and a stand-in would be far slower than the services it
        // stands for. Read once, when the first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Config config = ConfigProvider.getConfig();
        URI webhook = URI.create(config.getValue("omnipulse.alerting.notify.webhook.urls", String.class));
        webhooks = HttpServer.create(new InetSocketAddress("127.0.0.1", webhook.getPort()), 0);
        webhooks.createContext(webhook.getPath(), exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhooks.setExecutor(threads);
        webhooks.start();

        URI profile = URI.create(config.getValue("omnipulse.alerting.context.profile-url", String.class));
        context = HttpServer.create(new InetSocketAddress("127.0.0.1", profile.getPort()), 0);
        context.createContext(ContextServersResource.PROFILE_PATH + "/v1/customers/",
                exchange -> CannedContext.reply(exchange, CannedContext.PROFILE));
        context.createContext(ContextServersResource.SCORING_PATH + "/v1/scores",
                exchange -> CannedContext.reply(exchange, CannedContext.SCORES));
        context.setExecutor(threads);
        context.start();

        smtp = new GreenMail(new ServerSetup(config.getValue("quarkus.mailer.port", Integer.class), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @Override
    public void close() {
        webhooks.stop(0);
        context.stop(0);
        smtp.stop();
        threads.shutdownNow();
    }
}
