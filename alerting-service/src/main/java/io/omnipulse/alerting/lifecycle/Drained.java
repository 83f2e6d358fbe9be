package io.omnipulse.alerting.lifecycle;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Work that shutdown waits for and that does not start once shutdown began (WorkGate): the scheduled
 * jobs, and the live screens' feed (its batches read the database).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Drained {
}
