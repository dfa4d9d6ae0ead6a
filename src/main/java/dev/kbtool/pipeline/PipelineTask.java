package dev.kbtool.pipeline;

/**
 * The prepare work of one item of a batch, as {@link OrderedPipeline} drives it: one or more
 * {@link PrepareStep}s on the worker pool, the last of which ends with the item's result.
 *
 * @param <R> what preparing the item gives the committing thread
 */
public interface PipelineTask<R> {
    /** The step to run first; the pipeline executes it when the item enters the window. */
    PrepareStep<?> firstStep();

    /** The step that ends with the result; null while an earlier step has not created it yet. */
    PrepareStep<R> resultStep();

    /** Time the item's steps have run, not counting time spent waiting in the queue. */
    long runningNanos();

    /** Stops the item's work, interrupting a step that is running; a step not begun never runs. */
    void cancel();

    /**
     * Gives the item up. True when a step was running: {@code whenItEnds} then runs once that
     * step returns. False when none was: nothing is left behind and the action is not kept.
     */
    boolean abandon(Runnable whenItEnds);
}
