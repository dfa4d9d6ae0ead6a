package dev.kbtool.pipeline;

import dev.kbtool.tx.PrepareWorkers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The one batch pipeline every command that changes many documents runs: items are prepared on
 * a fixed pool of workers (never holding the KB lock) and committed one by one on the calling
 * thread in the order given, so output, log and names match a serial run whatever the
 * parallelism. At most a window of items is in flight, which bounds memory whatever the size of
 * the batch; an item whose preparation runs longer than the time limit fails on its own; a
 * cancelled batch stops between two commits. Commands differ only in their {@link Stage}: how
 * one item is prepared and how it is committed.
 */
public final class OrderedPipeline {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /**
     * @param jobs        prepare workers
     * @param itemTimeout an item whose preparation runs longer fails on its own ({@code file_timeout})
     */
    public record Options(int jobs, Duration itemTimeout) {
        /**
         * Items in flight at most: wide enough that one long document at the head of the commit
         * order does not idle the other workers, narrow enough that prepared documents waiting
         * in memory stay few.
         */
        int window() {
            return Math.max(16, jobs * 8);
        }
    }

    /**
     * What a command does with each item.
     *
     * @param <R> what preparing an item gives the committing thread
     * @param <O> the outcome of one item
     */
    public interface Stage<R, O> {
        /** The prepare work of item {@code index}; later steps it creates go to {@code pool}. */
        PipelineTask<R> task(int index, Executor pool);

        /** Commits a prepared item, on the calling thread, in order. */
        O commit(int index, R prepared) throws IOException;

        /** The outcome of an item whose preparation ran out of time and was given up. */
        O gaveUp(int index, Duration limit);

        /** How messages name item {@code index} (its path, its document). */
        String label(int index);
    }

    private final Options options;
    private final Cancellation cancellation;

    public OrderedPipeline(Options options, Cancellation cancellation) {
        this.options = options;
        this.cancellation = cancellation;
    }

    /**
     * Outcomes in order; stops early (returning what was done) when cancelled.
     *
     * @param onOutcome told of each outcome as soon as it is known
     */
    public <R, O> List<O> run(int count, Stage<R, O> stage, Consumer<O> onOutcome) throws IOException {
        List<O> outcomes = new ArrayList<>();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(options.jobs(), options.jobs(), 30, TimeUnit.SECONDS,
                new PriorityBlockingQueue<>(), new PrepareWorkers());
        List<PipelineTask<R>> inFlight = new ArrayList<>();
        cancellation.honour(true);
        try {
            int submitted = 0;
            for (int i = 0; i < count && !cancellation.isCancelled(); i++) {
                while (submitted < count && submitted < i + options.window()) {
                    PipelineTask<R> task = stage.task(submitted, pool);
                    inFlight.add(task);
                    pool.execute(task.firstStep());
                    submitted++;
                }
                Prepared<R> prepared = await(inFlight.get(i), pool, stage.label(i));
                if (prepared == null) {
                    break;
                }
                inFlight.set(i, null);
                O outcome = prepared.timedOut() ? stage.gaveUp(i, options.itemTimeout())
                        : stage.commit(i, prepared.result());
                outcomes.add(outcome);
                onOutcome.accept(outcome);
            }
        } finally {
            for (PipelineTask<R> task : inFlight) {
                if (task != null) {
                    task.cancel();
                }
            }
            pool.shutdownNow();
            cancellation.honour(false);
        }
        return outcomes;
    }

    private record Prepared<R>(R result, boolean timedOut) {
    }

    /**
     * Waits for an item's preparation, giving up when its steps have run longer than the time
     * limit. The item is moved to the front of the pool's queue, since nothing can be committed
     * before it; null when the batch is cancelled before the item began preparing.
     */
    private <R> Prepared<R> await(PipelineTask<R> task, ThreadPoolExecutor pool, String label) throws IOException {
        long limit = options.itemTimeout().toNanos();
        boolean promoted = false;
        try {
            while (true) {
                PrepareStep<R> step = task.resultStep();
                if (step != null && step.isDone()) {
                    return new Prepared<>(step.get(), false);
                }
                if (cancellation.isCancelled() && (step == null || pool.getQueue().remove(step))) {
                    return null;
                }
                if (step != null && !promoted) {
                    promoted = true;
                    if (pool.getQueue().remove(step)) {
                        step.makeUrgent();
                        pool.execute(step);
                    }
                }
                long left = limit - task.runningNanos();
                if (left <= 0) {
                    abandon(task, pool);
                    return new Prepared<>(null, true);
                }
                // Waits in short slices: time in the queue does not count against the limit.
                long slice = Math.min(left, POLL_NANOS);
                try {
                    (step == null ? task.firstStep() : step).get(slice, TimeUnit.NANOSECONDS);
                } catch (TimeoutException stillRunning) {
                    continue;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause(), label);
        }
    }

    /** A worker's failure as the committing thread rethrows it: I/O as I/O, anything else unchecked. */
    private static IOException unwrap(Throwable cause, String label) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof UncheckedIOException uio) {
            return uio.getCause();
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        throw new IllegalStateException("preparing " + label + " failed", cause);
    }

    /**
     * Interrupts an item that ran out of time. A converter stuck where interrupts are not seen
     * keeps its thread until it returns, so the pool gets one extra thread meanwhile: the batch
     * keeps its parallelism, and the extra thread goes when the stuck one does.
     */
    private static void abandon(PipelineTask<?> task, ThreadPoolExecutor pool) {
        resize(pool, 1);
        if (!task.abandon(() -> resize(pool, -1))) {
            resize(pool, -1);
        }
    }

    private static void resize(ThreadPoolExecutor pool, int by) {
        synchronized (pool) {
            if (by > 0) {
                pool.setMaximumPoolSize(pool.getMaximumPoolSize() + by);
                pool.setCorePoolSize(pool.getCorePoolSize() + by);
            } else {
                pool.setCorePoolSize(pool.getCorePoolSize() + by);
                pool.setMaximumPoolSize(pool.getMaximumPoolSize() + by);
            }
        }
    }
}
