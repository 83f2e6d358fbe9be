package io.omnipulse.alerting.lifecycle;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A scheduled job that rides out an outage of the database or the broker: a run that fails for a
 * transient reason is simply run again at its next tick, and the log says so in one line when the
 * job starts failing and one when it runs again, instead of a stack trace at ERROR on every tick.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OutageTolerant {
}
