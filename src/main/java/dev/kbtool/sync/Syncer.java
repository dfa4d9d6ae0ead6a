package dev.kbtool.sync;

import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.catalog.SeenFile;
import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.AddPipeline;
import dev.kbtool.ingest.AddStatus;
import dev.kbtool.ingest.InputFile;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.publish.DerivedViews;
import dev.kbtool.remove.DocumentRemover;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Carries out a {@link SyncPlan}: moves first, then removals, then the changed files through the
 * add pipeline — each document in its own transaction, the lock taken per commit — and last
 * the record of what was read, so the next sync skips it. Removing before adding gives a file
 * that replaced a gone one its name back.
 */
public final class Syncer {
    private final TxEngine engine;
    private final AddPipeline pipeline;
    private final DocumentRemover remover;
    private final DocumentMover mover;
    private final Cancellation cancellation;
    private final Path cwd;
    private final boolean dryRun;

    public Syncer(TxEngine engine, AddPipeline pipeline, DocumentRemover remover, Cancellation cancellation, Path cwd,
            boolean dryRun) {
        this.engine = engine;
        this.pipeline = pipeline;
        this.remover = remover;
        this.mover = new DocumentMover(engine);
        this.cancellation = cancellation;
        this.cwd = cwd;
        this.dryRun = dryRun;
    }

    /** Outcomes in the order they happened: moves, removals, then the changed files in path order. */
    public List<AddOutcome> run(SyncPlan plan, Consumer<AddOutcome> onOutcome) throws IOException {
        List<AddOutcome> outcomes = new ArrayList<>();
        Consumer<AddOutcome> tell = o -> {
            outcomes.add(o);
            onOutcome.accept(o);
        };
        List<SeenFile> read = new ArrayList<>();
        try {
            for (SyncPlan.Move m : plan.moves()) {
                if (cancellation.isCancelled()) {
                    return outcomes;
                }
                String from = shown(m.document().origin());
                AddOutcome moved = dryRun ? AddOutcome.moved(m.to().display(), m.document().name(), from).asPlanned()
                        : mover.move(m.document(), m.to(), from);
                if (moved != null) {
                    read.add(seen(m.to(), m.stat(), m.document().hash()));
                    tell.accept(moved);
                }
            }
            for (DocumentRecord d : plan.gone()) {
                if (cancellation.isCancelled()) {
                    return outcomes;
                }
                AddOutcome removed = AddOutcome.removed(shown(d.origin()), d.name());
                if (dryRun) {
                    removed = removed.asPlanned();
                } else {
                    remover.remove(d);
                }
                tell.accept(removed);
            }
            if (!plan.changed().isEmpty()) {
                int[] next = {0};
                pipeline.run(plan.changed(), o -> {
                    InputFile file = plan.changed().get(next[0]++);
                    FileStat stat = plan.stats().get(file);
                    if (stat != null && o.hash() != null && readForGood(o)) {
                        read.add(seen(file, stat, o.hash()));
                    }
                    tell.accept(o);
                });
            }
        } finally {
            if (!dryRun) {
                record(read, plan.forgotten());
                if (plan.changed().isEmpty() && (!plan.moves().isEmpty() || !plan.gone().isEmpty())) {
                    DerivedViews.refresh(engine);
                }
            }
        }
        return outcomes;
    }

    /** A file that will read the same next time: in the knowledge base, or failed as bad data. */
    private static boolean readForGood(AddOutcome o) {
        return switch (o.status()) {
            case ADDED, UPDATED, SKIPPED -> true;
            case FAILED -> o.failure() == AddOutcome.Failure.BAD_DATA;
            default -> false;
        };
    }

    private static SeenFile seen(InputFile file, FileStat stat, String hash) {
        return new SeenFile(file.path().toString(), stat.size(), stat.modified(), hash);
    }

    /** One catalog-only transaction for the records of a whole sync; none when there is nothing to record. */
    private void record(List<SeenFile> read, List<String> forgotten) throws IOException {
        if (read.isEmpty() && forgotten.isEmpty()) {
            return;
        }
        engine.mutate("sync", read.size() + " read, " + forgotten.size() + " gone", Plan.builder().build(), tx -> w -> {
            for (SeenFile f : read) {
                w.putSeenFile(f);
            }
            for (String path : forgotten) {
                w.forgetSeenFile(path);
            }
        });
    }

    private String shown(String origin) {
        Path p = Path.of(origin);
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : origin;
    }

    /** Whether an outcome changed the knowledge base (or would, in a dry run). */
    public static boolean changes(AddOutcome o) {
        AddStatus s = o.status();
        return s == AddStatus.ADDED || s == AddStatus.UPDATED || s == AddStatus.MOVED || s == AddStatus.REMOVED
                || s == AddStatus.WOULD_ADD || s == AddStatus.WOULD_UPDATE || s == AddStatus.WOULD_MOVE
                || s == AddStatus.WOULD_REMOVE;
    }
}
