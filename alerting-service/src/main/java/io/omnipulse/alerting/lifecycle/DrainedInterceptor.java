package io.omnipulse.alerting.lifecycle;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs a {@link Drained} job through the {@link WorkGate}: skipped after shutdown began, waited for before. */
@Drained
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class DrainedInterceptor {

    private final WorkGate gate;

    public DrainedInterceptor(WorkGate gate) {
        this.gate = gate;
    }

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        if (!gate.enter()) {
            return null;
        }
        try {
            return context.proceed();
        } finally {
            gate.exit();
        }
    }
}
