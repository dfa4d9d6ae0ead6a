package dev.kbtool.tx;

import dev.kbtool.kb.Catalog;
import dev.kbtool.kb.ExitCode;
import dev.kbtool.kb.KbException;
import dev.kbtool.kb.KbLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one way to change a knowledge base. Taking the lock recovers from whatever an earlier
 * process left unfinished — on every outermost acquisition, not only the first of a process,
 * because with the lock taken per commit another kb process may have died between two of
 * ours — and refuses to go on while a quarantined transaction awaits a person. It then
 * renders the derived views if a process that is gone changed content without rendering them:
 * one killed between its last commit and its index refresh leaves no journal to recover.
 */
public final class TxEngine {
    /** Renders the derived views from the catalog, through this engine. */
    @FunctionalInterface
    public interface ViewRenderer {
        void render(TxEngine engine) throws IOException;
    }

    private final KbLayout layout;
    private final Catalog catalog;
    private final Duration lockTimeout;
    private final String command;
    private final Consumer<String> notices;
    private final ViewRenderer views;

    /**
     * @param command what this process is doing, shown to anyone who waits for the lock
     * @param notices where recovery reports what it repaired (stderr, one line each)
     * @param views   renders the views a process that is gone left pending
     */
    public TxEngine(KbLayout layout, Catalog catalog, Duration lockTimeout, String command, Consumer<String> notices,
            ViewRenderer views) {
        this.layout = layout;
        this.catalog = catalog;
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

    /** Takes the KB lock (reentrant), recovering first when this is the outermost acquisition. */
    public LockToken lock() {
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

    /** Starts a transaction: snapshot and durable journal before anything live changes. */
    public Transaction begin(LockToken token, String operation, String detail, Plan plan) throws IOException {
        return Transaction.begin(layout, catalog, token, operation, detail, plan);
    }

    public StagingLease openStaging() throws IOException {
        return StagingLease.open(layout);
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
        List<Quarantine.Item> quarantined = Quarantine.list(layout);
        if (!quarantined.isEmpty()) {
            Quarantine.Item first = quarantined.get(0);
            throw new KbException(ExitCode.BUSY, "knowledge base needs attention: transaction " + first.id()
                    + " is quarantined in " + first.path() + " (" + first.reason()
                    + "); run 'kb doctor' for what to do");
        }
    }
}
