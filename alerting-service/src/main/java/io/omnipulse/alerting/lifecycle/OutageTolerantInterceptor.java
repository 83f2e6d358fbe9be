package io.omnipulse.alerting.lifecycle;

import io.omnipulse.alerting.messaging.Failures;
import io.omnipulse.problem.Causes;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Runs an {@link OutageTolerant} job: a transient failure ({@link Failures#isTransient}: the database
 * or the broker is away, a lock conflict) ends the run quietly, as the job picks up where it stopped
 * at its next tick; readiness already tells ops that the database is away. Any other failure is
 * a defect and goes on to the scheduler, which logs it at ERROR with its stack trace.
 */
@OutageTolerant
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class OutageTolerantInterceptor {

    private static final Logger LOG = Logger.getLogger(OutageTolerantInterceptor.class);

    /** The jobs whose last run failed for a transient reason. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        String job = context.getMethod().getDeclaringClass().getSimpleName();
        try {
            Object result = context.proceed();
            if (waiting.remove(job)) {
                LOG.infof("%s runs again", job);
            }
            return result;
        } catch (Exception e) {
            if (!Failures.isTransient(e)) {
                throw e;
            }
            if (waiting.add(job)) {
                LOG.warnf("%s stopped for now, to run again at its next tick: %s", job, Causes.root(e));
            } else {
                LOG.debugf("%s still waiting: %s", job, Causes.root(e));
            }
            return null;
        }
    }
}
