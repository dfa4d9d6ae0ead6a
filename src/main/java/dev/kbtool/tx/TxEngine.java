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
 * ours — and refuses to go on while a quarantined transaction awaits a person.
 */
public final class TxEngine {
    private final KbLayout layout;
    private final Catalog catalog;
    private final Duration lockTimeout;
    private final String command;
    private final Consumer<String> notices;

    /**
     * @param command what this process is doing, shown to anyone who waits for the lock
     * @param notices where recovery reports what it repaired (stderr, one line each)
     */
    public TxEngine(KbLayout layout, Catalog catalog, Duration lockTimeout, String command, Consumer<String> notices) {
        this.layout = layout;
        this.catalog = catalog;
        this.lockTimeout = lockTimeout;
        this.command = command;
        this.notices = notices;
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
            } catch (RuntimeException e) {
                token.close();
                throw e;
            }
        }
        return token;
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
