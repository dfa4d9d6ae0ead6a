package dev.kbtool.tx;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.CatalogWork;
import dev.kbtool.catalog.CommitOutcomeUnknownException;
import dev.kbtool.catalog.CommitPoint;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.layout.KbLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one way to change a knowledge base: {@link #mutate}. It takes the KB lock, decides under
 * it what to change (a {@link Mutation}: operation, plan, body), takes the
 * {@link MutationSnapshot} with its durable journal, runs the body against the live files,
 * reaches the catalog's commit point, and rolls everything back on any failure before it.
 *
 * <p>Taking the lock recovers from whatever an earlier process left unfinished — on every
 * outermost acquisition, not only the first of a process, because with the lock taken per
 * commit another kb process may have died between two of ours — and refuses to go on while a
 * quarantined transaction awaits a person. It then renders the derived views if a process that
 * is gone changed content without rendering them: one killed between its last commit and its
 * index refresh leaves no journal to recover.
 */
public final class TxEngine {
    /** Renders the derived views from the catalog, through this engine. */
    @FunctionalInterface
    public interface ViewRenderer {
        void render(TxEngine engine) throws IOException;
    }

    /** The live changes of a mutation; returns the catalog rows written at its commit point. */
    @FunctionalInterface
    public interface Body {
        CatalogWork apply(Transaction tx) throws IOException;
    }

    /** Decides, under the lock and with the catalog as it is now, what a mutation does. */
    @FunctionalInterface
    public interface Planner<T> {
        Mutation<T> plan() throws IOException;
    }

    /**
     * What one mutation does, or that there is nothing to do.
     *
     * @param operation what the journal and the catalog record (add, remove, ...)
     * @param detail    a human hint, e.g. the document name
     * @param plan      every path the body may change, and how
     * @param body      the live changes; null when there is nothing to do
     * @param result    what {@link #mutate} returns once the mutation committed (or at once when none)
     */
    public record Mutation<T>(String operation, String detail, Plan plan, Body body, T result) {
        public static <T> Mutation<T> of(String operation, String detail, Plan plan, Body body, T result) {
            return new Mutation<>(operation, detail, plan, body, result);
        }

        /** Nothing to change: {@link #mutate} returns {@code result} and writes nothing. */
        public static <T> Mutation<T> none(T result) {
            return new Mutation<>(null, null, null, null, result);
        }
    }

    private final KbLayout layout;
    private final Catalog catalog;
    private final CommitPoint commitPoint;
    private final Duration lockTimeout;
    private final String command;
    private final Consumer<String> notices;
    private final ViewRenderer views;
    /** Set once a commit's outcome is unknown: this process must not change the KB any more. */
    private volatile String undecided;

    /**
     * Claims the catalog's commit point: an engine is the only way to reach it.
     *
     * @param command what this process is doing, shown to anyone who waits for the lock
     * @param notices where recovery reports what it repaired (stderr, one line each)
     * @param views   renders the views a process that is gone left pending
     */
    public TxEngine(KbLayout layout, Catalog catalog, Duration lockTimeout, String command, Consumer<String> notices,
            ViewRenderer views) {
        this.layout = layout;
        this.catalog = catalog;
        this.commitPoint = catalog.claimCommitPoint();
        this.lockTimeout = lockTimeout;
        this.command = command;
        this.notices = notices;
        this.views = views;
    }

    public KbLayout layout() {
        return layout;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** For tests of this package that stage a process dying between the commit point and cleanup. */
    CommitPoint commitPoint() {
        return commitPoint;
    }

    /**
     * Changes the knowledge base in one transaction: lock (recovery first), plan, snapshot and
     * journal, body, commit point; on any failure before the commit point every live change is
     * rolled back and the failure rethrown. If even the rollback fails, the journal stays and
     * the next kb command finishes it.
     */
    public <T> T mutate(Planner<T> planner) throws IOException {
        try (LockToken token = lock()) {
            Mutation<T> mutation = planner.plan();
            if (mutation.body() == null) {
                return mutation.result();
            }
            Transaction tx = Transaction.begin(layout, token, mutation.operation(), mutation.detail(),
                    catalog.lastCommitSeq(), mutation.plan());
            try {
                CatalogWork rows = mutation.body().apply(tx);
                tx.commit(commitPoint, rows);
            } catch (CommitOutcomeUnknownException e) {
                undecided = e.getMessage();
                throw e;
            } catch (Throwable t) {
                throw rethrow(tx.fail(t));
            }
            return mutation.result();
        }
    }

    /** A mutation whose plan is known before taking the lock. */
    public void mutate(String operation, String detail, Plan plan, Body body) throws IOException {
        mutate(() -> Mutation.of(operation, detail, plan, body, null));
    }

    /**
     * Takes the KB lock (reentrant), recovering first when this is the outermost acquisition.
     * Commands hold it around several mutations that must not interleave with another
     * process's, and a batch re-checks under it what it planned without it.
     */
    public LockToken lock() {
        if (undecided != null) {
            // Recovery here would ask this process's catalog connection, which cannot tell.
            throw new KbException(ExitCode.FAILURE, "stopped: " + undecided);
        }
        KbLock lock = KbLock.of(layout);
        LockToken token = lock.acquire(lockTimeout, command, notices);
        if (lock.holdCount() == 1) {
            try {
                recover(token);
                if (catalog.viewsAbandoned()) {
                    views.render(this);
                }
            } catch (IOException e) {
                token.close();
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                token.close();
                throw e;
            }
        }
        return token;
    }

    /**
     * Takes the KB lock only to look: no recovery and no views rendered, so a reader that must
     * not mistake another command's change in progress for damage sees none, and changes nothing.
     */
    public LockToken lockToRead() {
        return KbLock.of(layout).acquire(lockTimeout, command, notices);
    }

    /**
     * Settles the knowledge base before a command looks at it to plan: finishes what an earlier
     * command left (recovery, pending views), so even a command that then finds nothing to do
     * leaves the KB whole.
     */
    public void settle() {
        lock().close();
    }

    public StagingLease openStaging() throws IOException {
        return StagingLease.open(layout);
    }

    /** Throws an unchecked failure as it is; returns an I/O failure for the caller to throw. */
    private static IOException rethrow(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    private void recover(LockToken token) {
        try {
            if (Recovery.needed(layout)) {
                Recovery.Report report = Recovery.run(layout, catalog, token);
                report.notices().forEach(n -> notices.accept("recovery: " + n));
                if (!report.failures().isEmpty()) {
                    throw new KbException(ExitCode.BUSY, report.failures().get(0)
                            + "; retry, or run 'kb doctor' for details");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Quarantine.Item> quarantined = Quarantine.list(layout).stream().filter(Quarantine.Item::blocking).toList();
        if (!quarantined.isEmpty()) {
            Quarantine.Item first = quarantined.get(0);
            throw new KbException(ExitCode.BUSY, "knowledge base needs attention: transaction " + first.id()
                    + " is quarantined in " + first.path() + " (" + first.reason()
                    + "); run 'kb doctor' for what to do");
        }
    }
}
