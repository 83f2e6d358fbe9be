package io.omnipulse.http;

import java.io.IOException;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JDK HTTP exchange bounded as a whole, body included. The client's request timeout ends when the
 * answer's headers arrive: a peer that then never finishes its body held a blocking {@code send}, and
 * the worker that made it, for ever. Here the body must be complete by the deadline the request
 * started with; if it is not, the body is cancelled (freeing the connection) and {@code send} throws
 * an {@link HttpTimeoutException}. With a size bound, an answer whose body grows past it is cancelled
 * as soon as it does, and {@code send} throws an {@link IOException} saying so: a peer cannot make
 * the caller hold an answer of any size in memory.
 *
 * <p>Used with the blocking {@code send}, not by bounding a {@code sendAsync}: the JDK completes every
 * {@code sendAsync} through CompletableFuture's default executor, which on a two-core machine starts
 * a thread per completion. The deadline here is kept by CompletableFuture's one timer thread.
 */
public final class WholeAnswer {

    private WholeAnswer() {
    }

    /**
     * {@code body}, to be read within {@code timeout} of now: call it when the request is about to be
     * sent, and give the request the same timeout (which bounds the wait for the headers).
     */
    public static <T> BodyHandler<T> within(Duration timeout, BodyHandler<T> body) {
        return within(timeout, Long.MAX_VALUE, body);
    }

    /** As {@link #within(Duration, BodyHandler)}, and the body at most {@code maxBytes} long. */
    public static <T> BodyHandler<T> within(Duration timeout, long maxBytes, BodyHandler<T> body) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return info -> new Bounded<>(body.apply(info), Math.max(0, deadline - System.nanoTime()), timeout, maxBytes);
    }

    private static final class Bounded<T> implements BodySubscriber<T> {

        private final BodySubscriber<T> body;
        private final Duration timeout;
        private final long maxBytes;
        private final CompletableFuture<T> result;
        private volatile Flow.Subscription subscription;
        // Written and read by the client's signals to this subscriber, which the Flow contract serialises.
        private long received;
        private boolean refused;

        Bounded(BodySubscriber<T> body, long nanosLeft, Duration timeout, long maxBytes) {
            this.body = body;
            this.timeout = timeout;
            this.maxBytes = maxBytes;
            // A copy times out, not the body's own future, which the wrapped subscriber completes.
            this.result = body.getBody().toCompletableFuture().copy().orTimeout(nanosLeft, TimeUnit.NANOSECONDS)
                    .handle(this::settle);
        }

        /** The body, or at the deadline the body cancelled and an HttpTimeoutException. */
        private T settle(T value, Throwable failure) {
            if (failure instanceof TimeoutException) {
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
                throw new CompletionException(new HttpTimeoutException("no complete answer within " + timeout));
            }
            if (failure != null) {
                throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            }
            return value;
        }

        @Override
        public CompletionStage<T> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            body.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            if (refused) {
                return;
            }
            for (ByteBuffer buffer : item) {
                received += buffer.remaining();
            }
            if (received > maxBytes) {
                // Signals may still come after the cancel; the flag keeps them from the wrapped body.
                refused = true;
                subscription.cancel();
                body.onError(new IOException("an answer larger than " + maxBytes + " bytes"));
                return;
            }
            body.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            if (!refused) {
                body.onError(throwable);
            }
        }

        @Override
        public void onComplete() {
            if (!refused) {
                body.onComplete();
            }
        }
    }
}
