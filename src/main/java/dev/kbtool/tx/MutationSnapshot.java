package dev.kbtool.tx;

import dev.kbtool.fs.AtomicFiles;
import dev.kbtool.fs.FileTrees;
import dev.kbtool.fs.SyncBatch;
import dev.kbtool.layout.KbLayout;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The undo half of a transaction: before-images of every planned path and the durable journal
 * that lists them, written before anything live changes, and the rollback that restores them.
 * Existing files are hard-linked into {@code .kb/backup/<txid>/} (a copy where linking is
 * refused): every writer replaces live files by rename, so the linked inode keeps the old
 * bytes. Append-only files record their length instead. Rollback is idempotent, so a crash in
 * the middle of one — in this process or in recovery — is repaired by running it again.
 */
public final class MutationSnapshot {
    private final KbLayout layout;
    private final Journal journal;

    private MutationSnapshot(KbLayout layout, Journal journal) {
        this.layout = layout;
        this.journal = journal;
    }

    /**
     * Records the before-state of every planned path, then writes the journal durably; cost is
     * proportional to the paths planned. If this fails nothing live has changed yet, so the
     * partial snapshot is dropped and the failure passed on.
     */
    static MutationSnapshot take(KbLayout layout, String operation, String detail, long catalogSeq, Plan plan)
            throws IOException {
        String txid = newTxid();
        Path journalTemp = null;
        try {
            SyncBatch syncs = new SyncBatch();
            List<JournalEntry> entries = beforeImages(layout, txid, plan, syncs);
            Journal journal = new Journal(Journal.VERSION, txid, operation, detail, "active", Instant.now().toString(),
                    0, catalogSeq, entries);
            // The before-images' directories and the journal's bytes are synced together; the
            // journal is renamed into place only after, so it never names a before-image that
            // is not durable.
            journalTemp = JournalFiles.writeTemp(layout, journal, syncs);
            syncs.flush();
            AtomicFiles.rename(journalTemp, JournalFiles.fileFor(layout, txid));
            CrashPoints.reach("tx.journal-written");
            return new MutationSnapshot(layout, journal);
        } catch (IOException | RuntimeException e) {
            if (journalTemp != null) {
                Files.deleteIfExists(journalTemp);
            }
            Files.deleteIfExists(JournalFiles.fileFor(layout, txid));
            FileTrees.deleteRecursively(backupRoot(layout, txid));
            throw e;
        }
    }

    Journal journal() {
        return journal;
    }

    String txid() {
        return journal.txid();
    }

    /** Puts every planned path back as it was and removes the journal: the mutation never happened. */
    void rollback() throws IOException {
        restore(layout, journal.txid(), journal.entries());
        CrashPoints.reach("tx.rolled-back");
        discard(layout, journal.txid());
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
        FileTrees.deleteRecursively(backupRoot(layout, txid));
        if (removed) {
            AtomicFiles.fsyncDirectory(layout.journals());
        }
    }

    static Path backupRoot(KbLayout layout, String txid) {
        return layout.backups().resolve(txid);
    }

    private static List<JournalEntry> beforeImages(KbLayout layout, String txid, Plan plan, SyncBatch syncs)
            throws IOException {
        Path root = backupRoot(layout, txid);
        Files.createDirectories(root);
        Set<Path> dirsToSync = new LinkedHashSet<>();
        dirsToSync.add(layout.backups());
        List<JournalEntry> entries = new ArrayList<>();
        for (Map.Entry<String, Plan.Mode> planned : plan.paths().entrySet()) {
            String rel = planned.getKey();
            Path live = livePath(layout, rel);
            Path backup = root.resolve(rel);
            JournalEntry entry;
            if (!Files.exists(live, LinkOption.NOFOLLOW_LINKS)) {
                entry = new JournalEntry(rel, JournalEntry.ABSENT, 0);
            } else if (planned.getValue() == Plan.Mode.APPEND) {
                requireRegularFile(live);
                entry = new JournalEntry(rel, JournalEntry.APPEND, Files.size(live));
            } else if (planned.getValue() == Plan.Mode.TREE) {
                if (!Files.isDirectory(live, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(live + ": expected a directory");
                }
                mirror(live, backup, dirsToSync);
                entry = new JournalEntry(rel, JournalEntry.TREE, 0);
            } else {
                requireRegularFile(live);
                linkOrCopy(live, backup, dirsToSync);
                entry = new JournalEntry(rel, JournalEntry.FILE, 0);
            }
            entries.add(entry);
            CrashPoints.reach("tx.snapshot-entry");
        }
        dirsToSync.add(root);
        dirsToSync.forEach(syncs::dir);
        return entries;
    }

    /** Restores every entry, deepest path first so a parent's removal never undoes a child's restore. */
    static void restore(KbLayout layout, String txid, List<JournalEntry> entries) throws IOException {
        Path root = backupRoot(layout, txid);
        List<JournalEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingInt((JournalEntry e) -> depth(e.path())).reversed());
        for (JournalEntry e : ordered) {
            Path live = livePath(layout, e.path());
            switch (e.before()) {
                case JournalEntry.ABSENT -> removeAndSync(live);
                case JournalEntry.FILE -> restoreFile(root.resolve(e.path()), live);
                case JournalEntry.TREE -> restoreTree(root.resolve(e.path()), live);
                case JournalEntry.APPEND -> truncate(live, e.length());
                default -> throw new IOException("unknown journal entry kind " + e.before());
            }
            CrashPoints.reach("rollback.entry");
        }
    }

    /** Temp files an interrupted atomic write left next to a planned path. */
    static void removeTempSiblings(KbLayout layout, List<JournalEntry> entries) throws IOException {
        for (JournalEntry e : entries) {
            Path live = livePath(layout, e.path());
            Path dir = live.getParent();
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String prefix = "." + live.getFileName() + AtomicFiles.TEMP_MARKER;
            try (var stream = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith(prefix))) {
                for (Path tmp : stream) {
                    Files.deleteIfExists(tmp);
                }
            }
        }
    }

    static Path livePath(KbLayout layout, String rel) throws IOException {
        try {
            return JournalFiles.checkPath(layout, rel);
        } catch (InvalidJournalException e) {
            throw new IOException(e.getMessage());
        }
    }

    private static String newTxid() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static int depth(String rel) {
        return rel.split("/").length;
    }

    private static void requireRegularFile(Path live) throws IOException {
        if (!Files.isRegularFile(live, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(live + ": expected a regular file (kb never follows symbolic links)");
        }
    }

    private static void mirror(Path liveDir, Path backupDir, Set<Path> dirsToSync) throws IOException {
        try (Stream<Path> walk = Files.walk(liveDir)) {
            for (Path p : walk.toList()) {
                Path target = backupDir.resolve(liveDir.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    throw new IOException(p + ": refusing to snapshot a symbolic link");
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                    dirsToSync.add(target);
                } else {
                    linkOrCopy(p, target, dirsToSync);
                }
            }
        }
    }

    private static void linkOrCopy(Path live, Path backup, Set<Path> dirsToSync) throws IOException {
        Files.createDirectories(backup.getParent());
        try {
            Files.createLink(backup, live);
        } catch (FileSystemException | UnsupportedOperationException e) {
            // Cross-device, no hard links on this file system, or not permitted: copy the bytes.
            Files.copy(live, backup, StandardCopyOption.COPY_ATTRIBUTES);
            AtomicFiles.fsync(backup);
        }
        dirsToSync.add(backup.getParent());
    }

    private static void restoreFile(Path backup, Path live) throws IOException {
        if (!Files.isRegularFile(backup, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("before-image missing: " + backup);
        }
        if (Files.exists(live, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(live, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(live, backup)) {
                return;
            }
            if (Files.isDirectory(live, LinkOption.NOFOLLOW_LINKS)) {
                removeAndSync(live);
            }
        }
        Files.createDirectories(live.getParent());
        Path tmp = AtomicFiles.tempSibling(live);
        try {
            try {
                Files.createLink(tmp, backup);
            } catch (FileSystemException | UnsupportedOperationException e) {
                Files.copy(backup, tmp, StandardCopyOption.COPY_ATTRIBUTES);
                AtomicFiles.fsync(tmp);
            }
            Files.move(tmp, live, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        AtomicFiles.fsyncDirectory(live.getParent());
    }

    private static void restoreTree(Path backupDir, Path liveDir) throws IOException {
        if (!Files.isDirectory(backupDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("before-image missing: " + backupDir);
        }
        if (Files.exists(liveDir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(liveDir, LinkOption.NOFOLLOW_LINKS)) {
            removeAndSync(liveDir);
        }
        Files.createDirectories(liveDir);
        try (Stream<Path> walk = Files.walk(backupDir)) {
            for (Path b : walk.toList()) {
                Path live = liveDir.resolve(backupDir.relativize(b).toString());
                if (Files.isDirectory(b, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(live);
                } else {
                    restoreFile(b, live);
                }
            }
        }
        List<Path> extras;
        try (Stream<Path> walk = Files.walk(liveDir)) {
            extras = walk.filter(p -> !Files.exists(backupDir.resolve(liveDir.relativize(p).toString()),
                    LinkOption.NOFOLLOW_LINKS)).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path extra : extras) {
            FileTrees.deleteRecursively(extra);
        }
        AtomicFiles.fsyncDirectory(liveDir);
    }

    private static void truncate(Path live, long length) throws IOException {
        if (!Files.isRegularFile(live, LinkOption.NOFOLLOW_LINKS) || Files.size(live) <= length) {
            return;
        }
        try (FileChannel ch = FileChannel.open(live, StandardOpenOption.WRITE)) {
            ch.truncate(length);
            ch.force(true);
        }
    }

    private static void removeAndSync(Path live) throws IOException {
        if (Files.exists(live, LinkOption.NOFOLLOW_LINKS)) {
            FileTrees.deleteRecursively(live);
            AtomicFiles.fsyncDirectory(live.getParent());
        }
    }
}
