package dev.kbtool.tx;

import dev.kbtool.catalog.CatalogWork;
import dev.kbtool.catalog.CommitOutcomeUnknownException;
import dev.kbtool.catalog.CommitPoint;
import dev.kbtool.catalog.WrittenPage;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.fs.AtomicFiles;
import dev.kbtool.fs.FileTrees;
import dev.kbtool.fs.SyncBatch;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.text.GeneratedRegion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The live half of one mutation, handed to a {@link TxEngine.Body}: changes only to planned
 * paths, only by atomic rename or append, after its {@link MutationSnapshot} is durable. The
 * engine then reaches the commit point — one SQLite transaction holding the catalog rows and
 * the committed marker — or, on any failure, rolls the snapshot back.
 */
public final class Transaction {
    private final KbLayout layout;
    private final LockToken token;
    private final Plan plan;
    private final MutationSnapshot snapshot;
    /**
     * The files this transaction wrote and the directories whose entries it changed: fsynced
     * together, once each, before the commit point ({@link SyncBatch} says why that is enough).
     */
    private final SyncBatch syncs = new SyncBatch();
    /** The wiki pages this transaction wrote or deleted: what the catalog remembers kb wrote. */
    private final Map<String, WrittenPage> writtenPages = new LinkedHashMap<>();
    private final Set<String> deletedPages = new LinkedHashSet<>();
    private boolean finished;

    private Transaction(KbLayout layout, LockToken token, Plan plan, MutationSnapshot snapshot) {
        this.layout = layout;
        this.token = token;
        this.plan = plan;
        this.snapshot = snapshot;
    }

    /** @param catalogSeq the catalog's last commit sequence, read under the lock */
    static Transaction begin(KbLayout layout, LockToken token, String operation, String detail, long catalogSeq,
            Plan plan) throws IOException {
        token.check();
        return new Transaction(layout, token, plan, MutationSnapshot.take(layout, operation, detail, catalogSeq, plan));
    }

    public String txid() {
        return snapshot.txid();
    }

    /** Replaces (or creates) a planned file atomically. */
    public void write(String relPath, String text) throws IOException {
        write(relPath, text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String relPath, byte[] bytes) throws IOException {
        Path live = target(relPath, Plan.Mode.FILE, Plan.Mode.TREE);
        AtomicFiles.write(live, bytes, syncs);
        CrashPoints.reach("tx.apply");
    }

    /**
     * Writes a page as kb's own: the catalog remembers what was written (hashes, size, time), so
     * a person's later edit of it can be told and kept. A person's page whose links kb rewrote
     * goes through {@link #write} instead, and stays theirs.
     */
    public void writePage(String relPath, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path live = target(relPath, Plan.Mode.FILE, Plan.Mode.TREE);
        AtomicFiles.write(live, bytes, syncs);
        if (isPage(relPath)) {
            BasicFileAttributes attrs = Files.readAttributes(live, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            writtenPages.put(relPath, new WrittenPage(relPath, sha256(bytes), GeneratedRegion.hash(text), attrs.size(),
                    attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
            deletedPages.remove(relPath);
        }
        CrashPoints.reach("tx.apply");
    }

    /** Moves a finished file from staging onto a planned path by atomic rename. */
    public void publish(Path staged, String relPath) throws IOException {
        Path live = target(relPath, Plan.Mode.FILE, Plan.Mode.TREE);
        AtomicFiles.publish(staged, live, syncs);
        CrashPoints.reach("tx.apply");
    }

    /** Removes a planned file or directory tree (its before-image is in the backup). */
    public void delete(String relPath) throws IOException {
        Path live = target(relPath, Plan.Mode.FILE, Plan.Mode.TREE);
        if (Files.exists(live, LinkOption.NOFOLLOW_LINKS)) {
            FileTrees.deleteRecursively(live);
            syncs.dir(live.getParent());
        }
        if (isPage(relPath)) {
            writtenPages.remove(relPath);
            deletedPages.add(relPath);
        }
        CrashPoints.reach("tx.apply");
    }

    /** Adds bytes at the end of a planned append-only file. */
    public void append(String relPath, String text) throws IOException {
        Path live = target(relPath, Plan.Mode.APPEND);
        AtomicFiles.append(live, text.getBytes(StandardCharsets.UTF_8), syncs);
        CrashPoints.reach("tx.apply");
    }

    /**
     * The commit point: the catalog rows and the committed marker in one SQLite transaction.
     * Afterwards the mutation is durable; cleanup failures only leave a journal that the next
     * recovery discards, never a rollback.
     */
    void commit(CommitPoint commitPoint, CatalogWork work) throws IOException {
        token.check();
        if (finished) {
            throw new IllegalStateException("transaction already finished");
        }
        syncs.flush();
        CrashPoints.reach("tx.before-commit");
        Journal journal = snapshot.journal();
        try {
            commitPoint.commit(journal.txid(), journal.operation(), journal.detail(), w -> {
                work.apply(w);
                for (String deleted : deletedPages) {
                    w.forgetWrittenPage(deleted);
                }
                for (WrittenPage page : writtenPages.values()) {
                    w.putWrittenPage(page);
                }
            });
        } catch (CommitOutcomeUnknownException e) {
            // Neither rolled back nor cleaned up: the journal stays for recovery to decide.
            finished = true;
            throw e;
        }
        finished = true;
        CrashPoints.reach("tx.committed");
        try {
            MutationSnapshot.discard(layout, journal.txid());
        } catch (IOException ignored) {
            // Recovery removes a committed transaction's journal and backup the next time.
        }
    }

    /**
     * Rolls back after {@code failure} and gives back what the caller should throw: the failure
     * itself, or — when even the rollback failed and the journal stays for recovery — an error
     * that says both. An {@link Error} is rolled back too, and stays what is thrown.
     */
    Throwable fail(Throwable failure) {
        if (finished) {
            return failure;
        }
        finished = true;
        try {
            snapshot.rollback();
            return failure;
        } catch (IOException | RuntimeException e) {
            if (failure instanceof Error) {
                failure.addSuppressed(e);
                return failure;
            }
            KbException failed = new KbException(ExitCode.FAILURE, failure.getMessage()
                    + "; could not undo the unfinished " + snapshot.journal().operation() + " (" + e.getMessage()
                    + "); the next kb command will finish the rollback", e);
            failed.addSuppressed(failure);
            return failed;
        }
    }

    /** A page a person may read and edit: Markdown in the vault. */
    private static boolean isPage(String relPath) {
        return relPath.startsWith("wiki/") && relPath.endsWith(".md");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path target(String relPath, Plan.Mode... allowed) throws IOException {
        token.check();
        if (finished) {
            throw new IllegalStateException("transaction already finished");
        }
        Plan.Mode mode = plan.modeFor(relPath);
        if (mode == null || !List.of(allowed).contains(mode)) {
            throw new IllegalStateException("transaction " + snapshot.journal().operation() + " did not plan to change "
                    + relPath + (mode == null ? "" : " this way (" + mode + ")"));
        }
        return MutationSnapshot.livePath(layout, relPath);
    }
}
