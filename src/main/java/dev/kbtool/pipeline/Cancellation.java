package dev.kbtool.pipeline;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The user's request to stop (first Ctrl-C or SIGTERM). Work that can stop cleanly — a batch
 * add between two documents, a watch between two passes — says so with {@link #honour}; anything
 * else is simply exited, which is safe because the next command's recovery repairs an
 * interrupted transaction.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** How many pieces of running work, one inside another, stop cleanly. */
    private final AtomicInteger honouring = new AtomicInteger();
    private volatile String signal;

    /** Called by the signal handler; returns whether the running work will stop by itself. */
    public boolean cancel() {
        cancelled.set(true);
        return honouring.get() > 0;
    }

    /** {@link #cancel()} by a signal, by name ({@code INT}, {@code TERM}): a watcher exits 0 on TERM. */
    public boolean cancel(String signalName) {
        signal = signalName;
        return cancel();
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** The signal that cancelled, or null. */
    public String signal() {
        return signal;
    }

    /**
     * Declares that the current work checks {@link #isCancelled()} and stops cleanly (on), or
     * that it ended (off). Calls nest: a watcher honours around the pipelines it runs.
     */
    public void honour(boolean on) {
        if (on) {
            honouring.incrementAndGet();
        } else {
            honouring.decrementAndGet();
        }
    }
}
