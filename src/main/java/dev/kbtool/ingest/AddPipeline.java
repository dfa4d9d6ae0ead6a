package dev.kbtool.ingest;

import dev.kbtool.compile.DerivedViews;
import dev.kbtool.compile.TopicMerger;
import dev.kbtool.kb.Units;
import dev.kbtool.tx.FileTrees;
import dev.kbtool.tx.LockToken;
import dev.kbtool.tx.PrepareWorkers;
import dev.kbtool.tx.StagingLease;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * {@code kb add} from scanned files to outcomes. Files are prepared on a fixed pool of
 * workers — hash, duplicate prefilter, staging copy, conversion, document-local compile —
 * and committed one by one on the calling thread in scan order, each in its own transaction
 * with the lock taken per commit, so output, log and names match a serial run and other kb
 * processes can interleave. At most a window of files is in flight, which bounds memory
 * whatever the size of the batch.
 */
public final class AddPipeline {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /**
     * @param jobs        prepare workers
     * @param fileTimeout a file whose preparation runs longer fails on its own
     * @param dryRun      stop after the prefilter and report what would happen
     */
    public record Options(int jobs, Duration fileTimeout, boolean dryRun, TopicMerger.Limits limits) {
        public Options(int jobs, Duration fileTimeout, boolean dryRun) {
            this(jobs, fileTimeout, dryRun, TopicMerger.Limits.DEFAULT);
        }
    }

    private final TxEngine engine;
    private final DocumentPreparer preparer;
    private final DocumentCommitter committer;
    private final Options options;
    private final Cancellation cancellation;

    public AddPipeline(TxEngine engine, DocumentPreparer preparer, Options options, Cancellation cancellation) {
        this.engine = engine;
        this.preparer = preparer;
        this.committer = new DocumentCommitter(engine, options.limits());
        this.options = options;
        this.cancellation = cancellation;
    }

    /** Outcomes in scan order; stops early (returning what was done) when cancelled. */
    public List<AddOutcome> run(List<InputFile> files, Consumer<AddOutcome> onOutcome) throws IOException {
        List<AddOutcome> outcomes = new ArrayList<>();
        // Wide enough that one long document at the head of the commit order does not idle
        // the other workers; narrow enough that prepared documents waiting in memory stay few.
        int window = Math.max(16, options.jobs() * 8);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(options.jobs(), options.jobs(), 30, TimeUnit.SECONDS,
                new PriorityBlockingQueue<>(), new PrepareWorkers());
        HashGate gate = new HashGate(files.size());
        List<PrepareTask> inFlight = new ArrayList<>();
        cancellation.honour(true);
        try (StagingLease lease = engine.openStaging()) {
            // With one worker there is nobody to keep busy while a long document converts.
            PrepareTask.Batch batch = new PrepareTask.Batch(files, gate, lease, preparer, options.dryRun(),
                    options.jobs() > 1, pool);
            int submitted = 0;
            for (int i = 0; i < files.size() && !cancellation.isCancelled(); i++) {
                while (submitted < files.size() && submitted < i + window) {
                    PrepareTask task = new PrepareTask(submitted, batch);
                    inFlight.add(task);
                    pool.execute(task.hashStep());
                    submitted++;
                }
                PrepareTask.Result prepared = await(inFlight.get(i), pool);
                if (prepared == null) {
                    break;
                }
                inFlight.set(i, null);
                AddOutcome outcome = finish(prepared);
                outcomes.add(outcome);
                onOutcome.accept(outcome);
            }
        } catch (IOException | RuntimeException e) {
            refreshAfterFailure(outcomes, e);
            throw e;
        } finally {
            for (PrepareTask task : inFlight) {
                if (task != null) {
                    task.cancel();
                }
            }
            pool.shutdownNow();
            cancellation.honour(false);
        }
        if (!options.dryRun()) {
            DerivedViews.refresh(engine);
        }
        return outcomes;
    }

    /** Commits a prepared document (or passes its early outcome on) and frees its staging. */
    private AddOutcome finish(PrepareTask.Result prepared) throws IOException {
        if (prepared.outcome() != null) {
            return prepared.outcome().timed(prepared.elapsedMillis(), prepared.times());
        }
        PreparedDocument doc = prepared.document();
        long waitStart = System.nanoTime();
        try (LockToken token = engine.lock()) {
            long locked = System.nanoTime();
            AddOutcome outcome = committer.commit(token, doc);
            long done = System.nanoTime();
            StageTimes times = prepared.times().withCommit((locked - waitStart) / 1_000_000, (done - locked) / 1_000_000);
            return outcome.timed(prepared.elapsedMillis() + (done - waitStart) / 1_000_000, times);
        } finally {
            FileTrees.deleteRecursively(doc.folder());
        }
    }

    /**
     * Waits for a file's preparation, giving up when its steps have run longer than the file
     * time limit. The file is moved to the front of the pool's queue, since nothing can be
     * committed before it; null when the batch is cancelled before the file began preparing.
     */
    private PrepareTask.Result await(PrepareTask task, ThreadPoolExecutor pool) throws IOException {
        long limit = options.fileTimeout().toNanos();
        boolean promoted = false;
        try {
            while (true) {
                PrepareStep<PrepareTask.Result> step = task.prepareStep();
                if (step != null && step.isDone()) {
                    return step.get();
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
                    return PrepareTask.Result.done(AddOutcome.failed(task.file().display(), "gave up after "
                            + Units.formatDuration(options.fileTimeout()) + " (file_timeout)"), task.times(),
                            task.elapsedMillis());
                }
                // Waits in short slices: time in the queue does not count against the limit.
                long slice = Math.min(left, POLL_NANOS);
                try {
                    if (step == null) {
                        task.hashStep().get(slice, TimeUnit.NANOSECONDS);
                    } else {
                        step.get(slice, TimeUnit.NANOSECONDS);
                    }
                } catch (TimeoutException stillRunning) {
                    continue;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException uio) {
                throw uio.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("preparing " + task.file().display() + " failed", cause);
        }
    }

    /**
     * Interrupts a file that ran out of time. A converter stuck where interrupts are not seen
     * keeps its thread until it returns, so the pool gets one extra thread meanwhile: the
     * batch keeps its parallelism, and the extra thread goes when the stuck one does.
     */
    private static void abandon(PrepareTask task, ThreadPoolExecutor pool) {
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

    private void refreshAfterFailure(List<AddOutcome> outcomes, Exception failure) {
        if (options.dryRun() || outcomes.stream().noneMatch(o -> o.status() == AddStatus.ADDED)) {
            return;
        }
        try {
            DerivedViews.refresh(engine);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
