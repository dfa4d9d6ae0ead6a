package dev.kbtool.pipeline;

import java.util.concurrent.Callable;

/** An item prepared in one step, queued in scan order (recompiling a stored document, say). */
public final class SingleStepTask<R> implements PipelineTask<R> {
    private final StepClock clock = new StepClock();
    private final PrepareStep<R> step;

    public SingleStepTask(int index, Callable<R> work) {
        this.step = PrepareStep.preparing(index, 0, false, () -> {
            if (!clock.begin()) {
                throw new InterruptedException("cancelled");
            }
            try {
                return work.call();
            } finally {
                clock.end();
            }
        });
    }

    @Override
    public PrepareStep<?> firstStep() {
        return step;
    }

    @Override
    public PrepareStep<R> resultStep() {
        return step;
    }

    @Override
    public long runningNanos() {
        return clock.runningNanos();
    }

    @Override
    public void cancel() {
        clock.cancel();
        step.cancel(true);
    }

    @Override
    public boolean abandon(Runnable whenItEnds) {
        boolean running = clock.abandon(whenItEnds);
        cancel();
        return running;
    }
}
