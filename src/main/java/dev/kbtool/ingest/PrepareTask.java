package dev.kbtool.ingest;

import dev.kbtool.compile.CompileUsage;
import dev.kbtool.tx.StagingLease;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The prepare work of one file of a batch, run on the pool in two steps: hashing (with the
 * size check), then — unless the prefilter ends the file there — staging copy, conversion
 * and document-local compile. Hashing queues the second step itself, ranked by the file's size.
 */
final class PrepareTask {
    private final int index;
    private final InputFile file;
    private final List<InputFile> files;
    private final HashGate gate;
    private final StagingLease lease;
    private final DocumentPreparer preparer;
    private final boolean dryRun;
    private final PrepareStep<Void> hashStep;
    private volatile PrepareStep<Result> prepareStep;
    private volatile boolean cancelled;
    private final AtomicReference<Runnable> onExit = new AtomicReference<>();
    private long runningSince;
    private long ranNanos;
    private Optional<AddOutcome> tooBig = Optional.empty();
    private String hash;
    private long size;
    private Exception hashFailure;
    private long hashMs;
    private long prepareMs;
    private long convertMs;
    private long compileMs;

    /** A prepared document waiting for its commit, or the outcome that ended the file early. */
    record Result(PreparedDocument document, AddOutcome outcome, StageTimes times, long elapsedMillis) {
        static Result done(AddOutcome outcome, StageTimes times, long elapsedMillis) {
            return new Result(null, outcome, times, elapsedMillis);
        }
    }

    PrepareTask(int index, List<InputFile> files, HashGate gate, StagingLease lease, DocumentPreparer preparer,
            boolean dryRun, Executor pool) {
        this.index = index;
        this.files = files;
        this.file = files.get(index);
        this.gate = gate;
        this.lease = lease;
        this.preparer = preparer;
        this.dryRun = dryRun;
        this.hashStep = PrepareStep.hashing(index, () -> {
            hash(pool);
            return null;
        });
    }

    InputFile file() {
        return file;
    }

    PrepareStep<Void> hashStep() {
        return hashStep;
    }

    /** The step that ends with the file's result; null until hashing is done. */
    PrepareStep<Result> prepareStep() {
        return prepareStep;
    }

    /** Stops the file's work, interrupting a step that is running; a step not begun never runs. */
    void cancel() {
        cancelled = true;
        hashStep.cancel(true);
        PrepareStep<Result> step = prepareStep;
        if (step != null) {
            step.cancel(true);
        }
    }

    /** Runs once, when the step running at the time of the call ends (a stuck converter may never). */
    void onExit(Runnable action) {
        onExit.set(action);
    }

    /** Time the file's steps have run, not counting time spent waiting in the queue. */
    synchronized long runningNanos() {
        return ranNanos + (runningSince == 0 ? 0 : System.nanoTime() - runningSince);
    }

    StageTimes times() {
        return new StageTimes(hashMs, prepareMs, convertMs, compileMs, 0, 0);
    }

    long elapsedMillis() {
        return runningNanos() / 1_000_000;
    }

    private synchronized void begin() {
        runningSince = System.nanoTime();
    }

    private synchronized long end() {
        long ran = System.nanoTime() - runningSince;
        ranNanos += ran;
        runningSince = 0;
        return ran / 1_000_000;
    }

    private void exited() {
        Runnable action = onExit.getAndSet(null);
        if (action != null) {
            action.run();
        }
    }

    private void hash(Executor pool) {
        begin();
        try {
            tooBig = preparer.checkSize(file);
            if (tooBig.isEmpty()) {
                size = Files.size(file.path());
                hash = FileHashes.sha256(file.path());
            }
        } catch (IOException | RuntimeException e) {
            hashFailure = e;
        } finally {
            gate.hashed(index, hash);
            hashMs = end();
            exited();
        }
        PrepareStep<Result> next = PrepareStep.preparing(index, size, this::prepare);
        prepareStep = next;
        if (!cancelled) {
            pool.execute(next);
        }
    }

    private Result prepare() throws IOException, InterruptedException {
        begin();
        try {
            return prepareHashed();
        } finally {
            end();
            exited();
        }
    }

    private Result prepareHashed() throws IOException, InterruptedException {
        if (hashFailure instanceof IOException io) {
            throw io;
        }
        if (hashFailure instanceof RuntimeException re) {
            throw re;
        }
        if (tooBig.isPresent()) {
            return Result.done(tooBig.get(), times(), elapsedMillis());
        }
        int first = gate.firstWith(index, hash);
        if (first != index) {
            return Result.done(AddOutcome.skipped(file.display(), null,
                    "same content as " + files.get(first).display() + " earlier in this batch"),
                    times(), elapsedMillis());
        }
        Optional<String> known = preparer.knownAs(hash);
        if (known.isPresent()) {
            return Result.done(AddOutcome.skipped(file.display(), known.get(),
                    "already in the knowledge base as " + known.get()), times(), elapsedMillis());
        }
        if (dryRun) {
            return Result.done(new AddOutcome(file.display(), AddStatus.WOULD_ADD, null, null, 0,
                    StageTimes.NONE, CompileUsage.NONE), times(), elapsedMillis());
        }
        long prepStart = System.nanoTime();
        DocumentPreparer.Result result = preparer.prepare(file, lease);
        prepareMs = (System.nanoTime() - prepStart) / 1_000_000;
        if (result instanceof DocumentPreparer.Ready ready) {
            convertMs = ready.document().convertMillis();
            compileMs = ready.document().compileMillis();
            return new Result(ready.document(), null, times(), elapsedMillis());
        }
        return Result.done(((DocumentPreparer.Done) result).outcome(), times(), elapsedMillis());
    }
}
