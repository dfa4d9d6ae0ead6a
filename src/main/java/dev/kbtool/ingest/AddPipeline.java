package dev.kbtool.ingest;

import dev.kbtool.catalog.KbVersion;
import dev.kbtool.fs.FileTrees;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.pipeline.OrderedPipeline;
import dev.kbtool.pipeline.PipelineTask;
import dev.kbtool.publish.DerivedViews;
import dev.kbtool.publish.TopicMerger;
import dev.kbtool.text.Units;
import dev.kbtool.tx.LockToken;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.StagingLease;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * {@code kb add} from scanned files to outcomes, on the {@link OrderedPipeline}: each file is
 * prepared by a {@link PrepareTask} — hash, duplicate prefilter, staging copy, conversion,
 * document-local compile — and committed by the {@link DocumentCommitter} in its own
 * transaction, with the lock taken per commit so other kb processes can interleave. The index
 * is refreshed once at the end.
 */
public final class AddPipeline {
    /**
     * @param jobs        prepare workers
     * @param fileTimeout a file whose preparation runs longer fails on its own
     * @param dryRun      make only the cheap checks and report what would happen
     * @param retryFailed try files again that failed before with this kb and have not changed
     */
    public record Options(int jobs, Duration fileTimeout, boolean dryRun, boolean retryFailed,
            TopicMerger.Limits limits) {
        public Options(int jobs, Duration fileTimeout, boolean dryRun) {
            this(jobs, fileTimeout, dryRun, false, TopicMerger.Limits.DEFAULT);
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
        OrderedPipeline pipeline = new OrderedPipeline(new OrderedPipeline.Options(options.jobs(),
                options.fileTimeout()), cancellation);
        try (StagingLease lease = engine.openStaging()) {
            // With one worker there is nobody to keep busy while a long document converts.
            PrepareTask.Batch batch = new PrepareTask.Batch(files, new HashGate(files.size()), lease, preparer,
                    options.dryRun(), options.jobs() > 1, options.retryFailed());
            pipeline.run(files.size(), new Stage(batch), o -> {
                outcomes.add(o);
                onOutcome.accept(o);
            });
        } catch (IOException | RuntimeException e) {
            refreshAfterFailure(outcomes, e);
            throw e;
        }
        if (!options.dryRun()) {
            DerivedViews.refresh(engine);
        }
        return outcomes;
    }

    /** How the pipeline prepares, commits and gives up one file of the batch. */
    private final class Stage implements OrderedPipeline.Stage<PrepareTask.Result, AddOutcome> {
        private final PrepareTask.Batch batch;
        private final List<PrepareTask> tasks = new ArrayList<>();

        Stage(PrepareTask.Batch batch) {
            this.batch = batch;
        }

        @Override
        public PipelineTask<PrepareTask.Result> task(int index, Executor pool) {
            PrepareTask task = new PrepareTask(index, batch, pool);
            tasks.add(task);
            return task;
        }

        @Override
        public AddOutcome commit(int index, PrepareTask.Result prepared) throws IOException {
            tasks.set(index, null);
            if (prepared.outcome() != null) {
                AddOutcome outcome = prepared.outcome().timed(prepared.elapsedMillis(), prepared.times());
                if (options.dryRun()) {
                    return outcome.asPlanned();
                }
                remember(outcome);
                return outcome;
            }
            PreparedDocument doc = prepared.document();
            long waitStart = System.nanoTime();
            try (LockToken token = engine.lock()) {
                long locked = System.nanoTime();
                AddOutcome outcome = committer.commit(doc);
                long done = System.nanoTime();
                StageTimes times = prepared.times().withCommit((locked - waitStart) / 1_000_000,
                        (done - locked) / 1_000_000);
                return outcome.timed(prepared.elapsedMillis() + (done - waitStart) / 1_000_000, times);
            } finally {
                FileTrees.deleteRecursively(doc.folder());
            }
        }

        @Override
        public AddOutcome gaveUp(int index, Duration limit) {
            PrepareTask task = tasks.set(index, null);
            return AddOutcome.failed(label(index), AddOutcome.Failure.LIMIT, "gave up after "
                    + Units.formatDuration(limit) + " (file_timeout)")
                    .timed(task.elapsedMillis(), task.times());
        }

        @Override
        public String label(int index) {
            return batch.files().get(index).display();
        }
    }

    /**
     * Records that this content failed as bad data with this kb, so the next run skips it unless
     * it changed or kb did (or --retry-failed): a cron job must not warn every night about a
     * file nobody touched. Failures of this run's limits (size, time, memory) are not kept.
     */
    private void remember(AddOutcome outcome) throws IOException {
        if (outcome.status() != AddStatus.FAILED || outcome.failure() != AddOutcome.Failure.BAD_DATA
                || outcome.hash() == null) {
            return;
        }
        engine.mutate("failure", outcome.path(), Plan.builder().build(), tx -> w -> w.putFailure(outcome.hash(),
                KbVersion.current(), outcome.path(), outcome.reason()));
    }

    private void refreshAfterFailure(List<AddOutcome> outcomes, Exception failure) {
        if (options.dryRun() || outcomes.stream().noneMatch(o -> o.status() == AddStatus.ADDED
                || o.status() == AddStatus.UPDATED)) {
            return;
        }
        try {
            DerivedViews.refresh(engine);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
