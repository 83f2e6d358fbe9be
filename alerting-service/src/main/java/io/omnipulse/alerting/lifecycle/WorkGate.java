package io.omnipulse.alerting.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the work in progress (records being handled, scheduled jobs running) so that shutdown can
 * wait for it before the datasource and the producers close; once closed, scheduled jobs are
 * refused and backoff waits end early.
 */
@ApplicationScoped
public class WorkGate {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int inFlight;
    private boolean closed;

    /** Starts one piece of work; false (and nothing started) once the gate is closed. */
    public boolean enter() {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Starts a record that is already delivered: it is counted even after close, so drain waits for it. */
    public void enterAlways() {
        lock.lock();
        try {
            inFlight++;
        } finally {
            lock.unlock();
        }
    }

    public void exit() {
        lock.lock();
        try {
            inFlight--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code wait} for a backoff; returns early, false, when the gate closes meanwhile.
     */
    public boolean pause(Duration wait) throws InterruptedException {
        long nanos = wait.toNanos();
        lock.lock();
        try {
            while (!closed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new jobs, wakes backoff waits and waits up to {@code timeout} for work in progress. */
    public int closeAndDrain(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
            while (inFlight > 0 && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** For tests that stop and restart work in one JVM. */
    public void reopen() {
        lock.lock();
        try {
            closed = false;
        } finally {
            lock.unlock();
        }
    }

}
