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
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
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
                new LinkedBlockingQueue<>(), new PrepareWorkers());
        HashGate gate = new HashGate(files.size());
        List<Future<Prepared>> inFlight = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        cancellation.honour(true);
        try (StagingLease lease = engine.openStaging()) {
            int submitted = 0;
            for (int i = 0; i < files.size() && !cancellation.isCancelled(); i++) {
                while (submitted < files.size() && submitted < i + window) {
                    Task task = new Task(submitted, files, gate, lease);
                    tasks.add(task);
                    inFlight.add(pool.submit(task::run));
                    submitted++;
                }
                Prepared prepared = await(inFlight.get(i), tasks.get(i), pool);
                inFlight.set(i, null);
                tasks.set(i, null);
                AddOutcome outcome = finish(prepared);
                outcomes.add(outcome);
                onOutcome.accept(outcome);
            }
        } catch (IOException | RuntimeException e) {
            refreshAfterFailure(outcomes, e);
            throw e;
        } finally {
            for (Future<Prepared> f : inFlight) {
                if (f != null) {
                    f.cancel(true);
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
    private AddOutcome finish(Prepared prepared) throws IOException {
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

    /** Waits for a file's preparation, giving up when it has run longer than the file time limit. */
    private Prepared await(Future<Prepared> future, Task task, ThreadPoolExecutor pool) throws IOException {
        try {
            while (true) {
                long started = task.startedAt;
                if (started == 0) {
                    try {
                        return future.get(50, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException notStartedYet) {
                        continue;
                    }
                }
                long left = started + options.fileTimeout().toNanos() - System.nanoTime();
                try {
                    return future.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    abandon(future, task, pool);
                    return Prepared.done(AddOutcome.failed(task.file.display(), "gave up after "
                            + Units.formatDuration(options.fileTimeout()) + " (file_timeout)"), task.times(),
                            task.elapsedMillis());
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
            throw new IllegalStateException("preparing " + task.file.display() + " failed", cause);
        }
    }

    /**
     * Interrupts a file that ran out of time. A converter stuck where interrupts are not seen
     * keeps its thread until it returns, so the pool gets one extra thread meanwhile: the
     * batch keeps its parallelism, and the extra thread goes when the stuck one does.
     */
    private static void abandon(Future<Prepared> future, Task task, ThreadPoolExecutor pool) {
        synchronized (pool) {
            pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
            pool.setCorePoolSize(pool.getCorePoolSize() + 1);
        }
        task.onExit = () -> {
            synchronized (pool) {
                pool.setCorePoolSize(pool.getCorePoolSize() - 1);
                pool.setMaximumPoolSize(pool.getMaximumPoolSize() - 1);
            }
        };
        future.cancel(true);
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

    /** The prepare work of one file, run on a worker. */
    private final class Task {
        final int index;
        final InputFile file;
        final List<InputFile> files;
        final HashGate gate;
        final StagingLease lease;
        volatile long startedAt;
        volatile Runnable onExit;
        private long hashMs;
        private long prepareMs;
        private long convertMs;
        private long compileMs;

        Task(int index, List<InputFile> files, HashGate gate, StagingLease lease) {
            this.index = index;
            this.files = files;
            this.file = files.get(index);
            this.gate = gate;
            this.lease = lease;
        }

        Prepared run() throws IOException, InterruptedException {
            startedAt = System.nanoTime();
            try {
                return prepare();
            } finally {
                Runnable exit = onExit;
                if (exit != null) {
                    exit.run();
                }
            }
        }

        private Prepared prepare() throws IOException, InterruptedException {
            Optional<AddOutcome> tooBig;
            String hash = null;
            try {
                tooBig = preparer.checkSize(file);
                if (tooBig.isEmpty()) {
                    hash = FileHashes.sha256(file.path());
                }
            } finally {
                gate.hashed(index, hash);
                hashMs = elapsedMillis();
            }
            if (tooBig.isPresent()) {
                return Prepared.done(tooBig.get(), times(), elapsedMillis());
            }
            int first = gate.firstWith(index, hash);
            if (first != index) {
                return Prepared.done(AddOutcome.skipped(file.display(), null,
                        "same content as " + files.get(first).display() + " earlier in this batch"),
                        times(), elapsedMillis());
            }
            Optional<String> known = preparer.knownAs(hash);
            if (known.isPresent()) {
                return Prepared.done(AddOutcome.skipped(file.display(), known.get(),
                        "already in the knowledge base as " + known.get()), times(), elapsedMillis());
            }
            if (options.dryRun()) {
                return Prepared.done(new AddOutcome(file.display(), AddStatus.WOULD_ADD, null, null, 0,
                        StageTimes.NONE, dev.kbtool.compile.CompileUsage.NONE), times(), elapsedMillis());
            }
            long prepStart = System.nanoTime();
            DocumentPreparer.Result result = preparer.prepare(file, lease);
            prepareMs = (System.nanoTime() - prepStart) / 1_000_000;
            if (result instanceof DocumentPreparer.Ready ready) {
                convertMs = ready.document().convertMillis();
                compileMs = ready.document().compileMillis();
                return new Prepared(ready.document(), null, times(), elapsedMillis());
            }
            return Prepared.done(((DocumentPreparer.Done) result).outcome(), times(), elapsedMillis());
        }

        StageTimes times() {
            return new StageTimes(hashMs, prepareMs, convertMs, compileMs, 0, 0);
        }

        long elapsedMillis() {
            return startedAt == 0 ? 0 : (System.nanoTime() - startedAt) / 1_000_000;
        }
    }

    /** A prepared document waiting for its commit, or the outcome that ended the file early. */
    private record Prepared(PreparedDocument document, AddOutcome outcome, StageTimes times, long elapsedMillis) {
        static Prepared done(AddOutcome outcome, StageTimes times, long elapsedMillis) {
            return new Prepared(null, outcome, times, elapsedMillis);
        }
    }
}
