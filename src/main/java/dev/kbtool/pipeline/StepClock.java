package dev.kbtool.pipeline;

/**
 * When the steps of one file run, so the file time limit counts running time and not time in
 * the queue, and what to do when a step that was given up on finally returns.
 */
public final class StepClock {
    private long since;
    private boolean running;
    private long ran;
    private boolean cancelled;
    private Runnable onEnd;

    /** Starts a step; false once the file is cancelled, and the step must then not run. */
    public synchronized boolean begin() {
        if (cancelled) {
            return false;
        }
        since = System.nanoTime();
        running = true;
        return true;
    }

    /** Ends the running step; returns its milliseconds and runs the action left by {@link #abandon}. */
    public long end() {
        Runnable action;
        long ms;
        synchronized (this) {
            long step = System.nanoTime() - since;
            ran += step;
            running = false;
            ms = step / 1_000_000;
            action = onEnd;
            onEnd = null;
        }
        if (action != null) {
            action.run();
        }
        return ms;
    }

    public synchronized long runningNanos() {
        return ran + (running ? System.nanoTime() - since : 0);
    }

    /**
     * Cancels the file. When a step is running, {@code whenItEnds} runs once that step returns
     * (a stuck converter may never) and the answer is true; with no step running nothing is
     * kept and the answer is false.
     */
    public synchronized boolean abandon(Runnable whenItEnds) {
        cancelled = true;
        if (!running) {
            return false;
        }
        onEnd = whenItEnds;
        return true;
    }

    public synchronized void cancel() {
        cancelled = true;
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }
}
