package dev.kbtool.ingest;

import dev.kbtool.compile.DerivedViews;
import dev.kbtool.tx.FileTrees;
import dev.kbtool.tx.LockToken;
import dev.kbtool.tx.StagingLease;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code kb add} from scanned files to outcomes: prepare each file in staging, commit it
 * under the KB lock in its own transaction, and refresh the derived views at the end.
 * The lock is taken per commit, so other kb processes interleave between documents.
 */
public final class AddPipeline {
    private final TxEngine engine;
    private final DocumentPreparer preparer;
    private final DocumentCommitter committer;

    public AddPipeline(TxEngine engine, DocumentPreparer preparer) {
        this.engine = engine;
        this.preparer = preparer;
        this.committer = new DocumentCommitter(engine);
    }

    public List<AddOutcome> run(List<InputFile> files, Consumer<AddOutcome> onOutcome)
            throws IOException, InterruptedException {
        List<AddOutcome> outcomes = new ArrayList<>();
        try (StagingLease lease = engine.openStaging()) {
            for (InputFile file : files) {
                long start = System.nanoTime();
                DocumentPreparer.Result prepared = preparer.prepare(file, lease);
                AddOutcome outcome = prepared instanceof DocumentPreparer.Ready ready
                        ? commit(ready.document())
                        : ((DocumentPreparer.Done) prepared).outcome();
                outcome = new AddOutcome(outcome.path(), outcome.status(), outcome.document(), outcome.reason(),
                        (System.nanoTime() - start) / 1_000_000);
                outcomes.add(outcome);
                onOutcome.accept(outcome);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            refreshAfterFailure(outcomes, e);
            throw e;
        }
        DerivedViews.refresh(engine);
        return outcomes;
    }

    /** Documents committed before a batch stopped must still appear in the index. */
    private void refreshAfterFailure(List<AddOutcome> outcomes, Exception failure) {
        if (outcomes.stream().noneMatch(o -> o.status() == AddStatus.ADDED)) {
            return;
        }
        try {
            DerivedViews.refresh(engine);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private AddOutcome commit(PreparedDocument doc) throws IOException {
        try (LockToken token = engine.lock()) {
            return committer.commit(token, doc);
        } finally {
            FileTrees.deleteRecursively(doc.folder());
        }
    }
}
