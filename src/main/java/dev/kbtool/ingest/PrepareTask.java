package dev.kbtool.ingest;

import dev.kbtool.pipeline.PipelineTask;
import dev.kbtool.pipeline.PrepareStep;
import dev.kbtool.pipeline.StepClock;
import dev.kbtool.tx.StagingLease;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The prepare work of one file of a batch, run on the pool in two steps: hashing (with the
 * size check), then the in-batch duplicate and catalog checks and, unless they end the file,
 * staging copy, conversion and document-local compile. Hashing queues the second step itself,
 * ranked by the file's size.
 */
final class PrepareTask implements PipelineTask<PrepareTask.Result> {
    /** What the file is and what it shares with the rest of the batch. */
    /**
     * @param retryFailed try files that failed before with this kb version again, instead of
     *                    skipping them
     */
    record Batch(List<InputFile> files, HashGate gate, StagingLease lease, DocumentPreparer preparer,
            boolean dryRun, boolean biggestFirst, boolean retryFailed) {
    }

    private final int index;
    private final InputFile file;
    private final Batch batch;
    private final Executor pool;
    private final PrepareStep<Void> hashStep;
    private final StepClock clock = new StepClock();
    private volatile PrepareStep<Result> prepareStep;
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

    PrepareTask(int index, Batch batch, Executor pool) {
        this.index = index;
        this.batch = batch;
        this.pool = pool;
        this.file = batch.files().get(index);
        this.hashStep = PrepareStep.hashing(index, () -> {
            hash();
            return null;
        });
    }

    InputFile file() {
        return file;
    }

    @Override
    public PrepareStep<Void> firstStep() {
        return hashStep;
    }

    /** The step that ends with the file's result; null until hashing is done. */
    @Override
    public PrepareStep<Result> resultStep() {
        return prepareStep;
    }

    @Override
    public void cancel() {
        clock.cancel();
        hashStep.cancel(true);
        PrepareStep<Result> step = prepareStep;
        if (step != null) {
            step.cancel(true);
        }
    }

    @Override
    public boolean abandon(Runnable whenItEnds) {
        boolean running = clock.abandon(whenItEnds);
        cancel();
        return running;
    }

    @Override
    public long runningNanos() {
        return clock.runningNanos();
    }

    StageTimes times() {
        return new StageTimes(hashMs, prepareMs, convertMs, compileMs, 0, 0);
    }

    long elapsedMillis() {
        return clock.runningNanos() / 1_000_000;
    }

    private void hash() {
        if (!clock.begin()) {
            batch.gate().hashed(index, null);
            return;
        }
        try {
            size = file.size();
            tooBig = batch.preparer().checkSize(file, size);
            if (tooBig.isEmpty()) {
                hash = FileHashes.sha256(file);
            }
        } catch (IOException | RuntimeException e) {
            hashFailure = e;
        } finally {
            batch.gate().hashed(index, hash);
            hashMs = clock.end();
        }
        boolean nothingToDo = tooBig.isPresent() || hashFailure != null;
        PrepareStep<Result> next = PrepareStep.preparing(index, batch.biggestFirst() ? size : 0, nothingToDo,
                this::prepare);
        prepareStep = next;
        // Published before the clock is asked, so cancel() either sees the step or stops it here.
        if (!clock.cancelled()) {
            pool.execute(next);
        }
    }

    private Result prepare() throws IOException, InterruptedException {
        if (!clock.begin()) {
            throw new InterruptedException("cancelled");
        }
        try {
            Result result = prepareHashed();
            // A file ended here still has its hash told: kb sync records what it read.
            return result.outcome() == null || hash == null || result.outcome().hash() != null ? result
                    : Result.done(result.outcome().withHash(hash), result.times(), result.elapsedMillis());
        } finally {
            clock.end();
        }
    }

    private Result prepareHashed() throws IOException, InterruptedException {
        if (hashFailure instanceof InputFile.Unreadable unreadable) {
            return Result.done(AddOutcome.failed(file.display(), AddOutcome.Failure.UNREADABLE, unreadable.getMessage()),
                    times(), elapsedMillis());
        }
        if (hashFailure instanceof IOException io) {
            throw io;
        }
        if (hashFailure instanceof RuntimeException re) {
            throw re;
        }
        if (tooBig.isPresent()) {
            return Result.done(tooBig.get(), times(), elapsedMillis());
        }
        int first = batch.gate().firstWith(index, hash);
        if (first != index) {
            return Result.done(AddOutcome.skipped(file.display(), null,
                    "same content as " + batch.files().get(first).display() + " earlier in this batch"),
                    times(), elapsedMillis());
        }
        Optional<String> known = batch.preparer().knownAs(hash);
        if (known.isPresent()) {
            return Result.done(AddOutcome.skipped(file.display(), known.get(),
                    "already in the knowledge base as " + known.get()), times(), elapsedMillis());
        }
        Optional<String> failedBefore = batch.retryFailed() ? Optional.empty() : batch.preparer().failedBefore(hash);
        if (failedBefore.isPresent()) {
            // Unchanged since it failed with this kb: it would fail again. Not a new failure.
            return Result.done(AddOutcome.skipped(file.display(), null, "failed before: " + failedBefore.get()
                    + " (--retry-failed tries again)"), times(), elapsedMillis());
        }
        if (batch.dryRun()) {
            return Result.done(batch.preparer().plan(file, batch.lease()), times(), elapsedMillis());
        }
        long prepStart = System.nanoTime();
        DocumentPreparer.Result result = batch.preparer().prepare(file, batch.lease());
        prepareMs = (System.nanoTime() - prepStart) / 1_000_000;
        if (result instanceof DocumentPreparer.Ready ready) {
            convertMs = ready.document().convertMillis();
            compileMs = ready.document().compileMillis();
            return new Result(ready.document(), null, times(), elapsedMillis());
        }
        return Result.done(((DocumentPreparer.Done) result).outcome(), times(), elapsedMillis());
    }
}
