package dev.kbtool.tx;

import dev.kbtool.kb.Catalog;
import dev.kbtool.kb.ExitCode;
import dev.kbtool.kb.KbException;
import dev.kbtool.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One mutation of a knowledge base: snapshot and durable journal first, then live changes
 * (only to planned paths, only by atomic rename or append), then the commit point — one
 * SQLite transaction holding the catalog rows and the committed marker — then cleanup.
 * Closing a transaction that did not commit rolls it back; if even that fails, the journal
 * stays and the next kb command finishes the rollback.
 */
public final class Transaction implements AutoCloseable {
    private final KbLayout layout;
    private final Catalog catalog;
    private final LockToken token;
    private final Plan plan;
    private final Journal journal;
    /** Directories whose entries this transaction changed, fsynced once each before the commit point. */
    private final java.util.Set<Path> changedDirs = new java.util.LinkedHashSet<>();
    private boolean finished;

    private Transaction(KbLayout layout, Catalog catalog, LockToken token, Plan plan, Journal journal) {
        this.layout = layout;
        this.catalog = catalog;
        this.token = token;
        this.plan = plan;
        this.journal = journal;
    }

    static Transaction begin(KbLayout layout, Catalog catalog, LockToken token, String operation, String detail,
            Plan plan) throws IOException {
        token.check();
        String txid = newTxid();
        List<JournalEntry> entries;
        try {
            entries = Snapshot.take(layout, txid, plan);
            Journal journal = new Journal(Journal.VERSION, txid, operation, detail, "active", Instant.now().toString(),
                    0, entries);
            JournalFiles.write(layout, journal);
            CrashPoints.reach("tx.journal-written");
            return new Transaction(layout, catalog, token, plan, journal);
        } catch (IOException | RuntimeException e) {
            // Nothing live has changed yet: dropping the partial snapshot is all there is to undo.
            Files.deleteIfExists(JournalFiles.fileFor(layout, txid));
            FileTrees.deleteRecursively(Snapshot.backupRoot(layout, txid));
            throw e;
        }
    }

    public String txid() {
        return journal.txid();
    }

    /** Replaces (or creates) a planned file atomically. */
    public void write(String relPath, String text) throws IOException {
        write(relPath, text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String relPath, byte[] bytes) throws IOException {
        Path live = target(relPath, Plan.Mode.FILE, Plan.Mode.TREE);
        AtomicFiles.write(live, bytes, changedDirs::add);
        CrashPoints.reach("tx.apply");
    }

    /** Moves a finished file from staging onto a planned path by atomic rename. */
    public void publish(Path staged, String relPath) throws IOException {
        Path live = target(relPath, Plan.Mode.FILE, Plan.Mode.TREE);
        AtomicFiles.publish(staged, live, changedDirs::add);
        CrashPoints.reach("tx.apply");
    }

    /** Removes a planned file or directory tree (its before-image is in the backup). */
    public void delete(String relPath) throws IOException {
        Path live = target(relPath, Plan.Mode.FILE, Plan.Mode.TREE);
        if (Files.exists(live, LinkOption.NOFOLLOW_LINKS)) {
            FileTrees.deleteRecursively(live);
            changedDirs.add(live.getParent());
        }
        CrashPoints.reach("tx.apply");
    }

    /** Adds bytes at the end of a planned append-only file. */
    public void append(String relPath, String text) throws IOException {
        Path live = target(relPath, Plan.Mode.APPEND);
        AtomicFiles.append(live, text.getBytes(StandardCharsets.UTF_8), changedDirs::add);
        CrashPoints.reach("tx.apply");
    }

    /**
     * The commit point: the catalog rows and the committed marker in one SQLite transaction.
     * Afterwards the mutation is durable; cleanup failures only leave a journal that the
     * next recovery discards, never a rollback.
     */
    public void commit(Catalog.CatalogWork work) throws IOException {
        token.check();
        if (finished) {
            throw new IllegalStateException("transaction already finished");
        }
        for (Path dir : changedDirs) {
            AtomicFiles.fsyncDirectory(dir);
        }
        CrashPoints.reach("tx.before-commit");
        catalog.commit(journal.txid(), journal.operation(), journal.detail(), work);
        finished = true;
        CrashPoints.reach("tx.committed");
        try {
            discard(layout, journal.txid());
        } catch (IOException ignored) {
            // Recovery removes a committed transaction's journal and backup the next time.
        }
    }

    /** Rolls back unless committed. */
    @Override
    public void close() {
        if (!finished) {
            rollback(null);
        }
    }

    /**
     * Rolls back after {@code failure} and gives back what the caller should throw: the failure
     * itself, or — when even the rollback failed and the journal stays for recovery — an error
     * that says both. Runtime exceptions are thrown from here; an I/O failure is returned so
     * the caller can write {@code throw tx.fail(e)}.
     */
    public IOException fail(Exception failure) {
        Exception result = failure;
        if (!finished) {
            try {
                rollback(failure);
            } catch (KbException rollbackFailed) {
                result = rollbackFailed;
            }
        }
        if (result instanceof RuntimeException re) {
            throw re;
        }
        if (result instanceof IOException io) {
            return io;
        }
        throw new IllegalStateException(result);
    }

    private void rollback(Exception cause) {
        finished = true;
        try {
            Snapshot.rollback(layout, journal.txid(), journal.entries());
            CrashPoints.reach("tx.rolled-back");
            discard(layout, journal.txid());
        } catch (IOException | RuntimeException e) {
            KbException failed = new KbException(ExitCode.FAILURE, (cause == null ? "" : cause.getMessage() + "; ")
                    + "could not undo the unfinished " + journal.operation() + " (" + e.getMessage()
                    + "); the next kb command will finish the rollback", e);
            if (cause != null) {
                failed.addSuppressed(cause);
            }
            throw failed;
        }
    }

    /**
     * Removes a finished transaction's journal, then its backup. The journal goes first: a
     * backup without a journal is swept by recovery, a journal without its backup would be
     * quarantined. Both removals are attempted even if making the first durable fails; at
     * worst the journal reappears after a power loss and recovery discards it again.
     */
    static void discard(KbLayout layout, String txid) throws IOException {
        Path journalFile = JournalFiles.fileFor(layout, txid);
        boolean removed = Files.deleteIfExists(journalFile);
        CrashPoints.reach("tx.journal-removed");
        FileTrees.deleteRecursively(Snapshot.backupRoot(layout, txid));
        if (removed) {
            AtomicFiles.fsyncDirectory(layout.journals());
        }
    }

    private Path target(String relPath, Plan.Mode... allowed) throws IOException {
        token.check();
        if (finished) {
            throw new IllegalStateException("transaction already finished");
        }
        Plan.Mode mode = plan.modeFor(relPath);
        if (mode == null || !List.of(allowed).contains(mode)) {
            throw new IllegalStateException("transaction " + journal.operation() + " did not plan to change "
                    + relPath + (mode == null ? "" : " this way (" + mode + ")"));
        }
        return Snapshot.livePath(layout, relPath);
    }

    private static String newTxid() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
