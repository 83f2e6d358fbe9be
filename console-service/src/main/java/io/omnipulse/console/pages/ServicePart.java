package io.omnipulse.console.pages;

import io.micrometer.core.instrument.Metrics;
import io.omnipulse.console.services.ServiceException;
import io.omnipulse.problem.Causes;
import jakarta.ws.rs.ProcessingException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One service's part of a page: its answer, or why there is none in words. A page shows what it has
 * and says which part is missing, rather than failing whole because one service is slow or away.
 */
record ServicePart<T>(T value, String problem) {

    private static final Logger LOG = Logger.getLogger(ServicePart.class);
    /** Parts of pages left empty because a service did not answer, by service: what ops alert on. */
    static final String UNANSWERED = "omnipulse.console.service.unanswered";

    static <T> ServicePart<T> none() {
        return new ServicePart<>(null, null);
    }

    static <T> ServicePart<T> of(String service, Supplier<T> call) {
        try {
            return new ServicePart<>(call.get(), null);
        } catch (ServiceException e) {
            return new ServicePart<>(null, e.status() == 404 ? "nothing known yet" : e.getMessage());
        } catch (ProcessingException e) {
            return new ServicePart<>(null, noAnswer(service, e));
        }
    }

    /** Logs and counts a service that did not answer (or answered what could not be read); the words to show. */
    static String noAnswer(String service, ProcessingException e) {
        // The class only: a parse error's message may quote the answer, which holds personal data.
        LOG.warnf("%s's part of a page is missing: %s", service, Causes.root(e).getClass().getName());
        Metrics.counter(UNANSWERED, "service", service).increment();
        return service + " did not answer; try again shortly";
    }
}
