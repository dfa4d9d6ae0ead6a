package dev.kbtool.llm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A response body read piece by piece with a time limit on each wait. The JDK client has no
 * read timeout for bodies, so the pieces are queued here and taken with a timed poll; on a
 * timeout or an interrupt the caller cancels the subscription, which drops the connection.
 */
final class BodyStream implements Flow.Subscriber<List<ByteBuffer>> {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable t) {
        queue.add(t);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    /**
     * The next piece of the body, or null at its end.
     *
     * @throws TimeoutException when nothing arrived within {@code wait}
     * @throws IOException      when the connection failed
     */
    byte[] next(Duration wait) throws InterruptedException, TimeoutException, IOException {
        Object item = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (item == null) {
            throw new TimeoutException();
        }
        if (item == END) {
            queue.add(END);
            return null;
        }
        if (item instanceof Throwable t) {
            queue.add(t);
            throw t instanceof IOException io ? io : new IOException(t.getMessage(), t);
        }
        @SuppressWarnings("unchecked")
        List<ByteBuffer> buffers = (List<ByteBuffer>) item;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (ByteBuffer b : buffers) {
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.writeBytes(chunk);
        }
        subscription.request(1);
        return bytes.toByteArray();
    }

    /**
     * The rest of the body up to {@code limit} bytes (the remainder is dropped), read
     * within {@code deadline}.
     */
    byte[] readAll(int limit, Deadline deadline) throws InterruptedException, TimeoutException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] piece = next(deadline.remaining()); piece != null; piece = next(deadline.remaining())) {
            out.write(piece, 0, Math.min(piece.length, limit - out.size()));
            if (out.size() >= limit) {
                break;
            }
        }
        return out.toByteArray();
    }

    /** Stops reading; the client closes the connection if the body was not finished. */
    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
