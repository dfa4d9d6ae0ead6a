package dev.kbtool.pipeline;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The user's request to stop (first Ctrl-C). Work that can stop cleanly — a batch add
 * between two documents — says so with {@link #honour()}; anything else is simply exited,
 * which is safe because the next command's recovery repairs an interrupted transaction.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile boolean honoured;

    /** Called by the signal handler; returns whether the running work will stop by itself. */
    public boolean cancel() {
        cancelled.set(true);
        return honoured;
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Declares that the current work checks {@link #isCancelled()} and stops cleanly. */
    public void honour(boolean on) {
        honoured = on;
    }
}
