package dev.kbtool.tx;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.fs.AtomicFiles;
import dev.kbtool.fs.FileTrees;
import dev.kbtool.layout.KbLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Brings a knowledge base back to a committed state after a crash. For each journal: a
 * transaction the catalog marks committed only needs its journal and backup removed; any
 * other is rolled back exactly, newest first. Every step is idempotent, so recovery killed in
 * the middle — once or a hundred times — is simply run again by the next command: being killed
 * is not failing. Only a rollback that reports an error counts as a failed attempt, and a
 * journal whose rollback keeps failing ends up in quarantine instead of blocking every command
 * forever. Journals that fail validation are quarantined without executing a single file
 * operation; a journal older than the catalog's last commit is stale (nothing can commit while
 * a journal is pending) and is set aside, never executed; files that are not journals are left
 * alone.
 */
public final class Recovery {
    static final int MAX_ATTEMPTS = 5;

    private Recovery() {
    }

    /**
     * What recovery did.
     *
     * @param notices  things a person should know (rolled back, quarantined, swept)
     * @param failures journals that could not be rolled back this time; they stay for the next run
     */
    public record Report(List<String> notices, List<String> failures) {
    }

    /** Whether there is anything for recovery to do: cheap enough to ask on every lock acquisition. */
    static boolean needed(KbLayout layout) throws IOException {
        return nonEmpty(layout.journals()) || nonEmpty(layout.backups()) || nonEmpty(layout.staging());
    }

    public static Report run(KbLayout layout, Catalog catalog, LockToken token) throws IOException {
        token.check();
        List<String> notices = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Loaded> journals = new ArrayList<>();
        for (Path file : list(layout.journals())) {
            if (AtomicFiles.isTemp(file)) {
                Files.deleteIfExists(file);
                continue;
            }
            if (!JournalFiles.isJournalName(file)) {
                continue;
            }
            try {
                journals.add(new Loaded(file, JournalFiles.read(layout, file)));
            } catch (InvalidJournalException e) {
                String id = Quarantine.move(layout, file, e.getMessage());
                notices.add("quarantined journal " + file.getFileName() + " (" + e.getMessage()
                        + "); see .kb/quarantine/" + id);
            }
        }
        journals.sort(Comparator.comparing((Loaded l) -> l.journal().createdAt()).reversed());
        for (Loaded l : journals) {
            recoverOne(layout, catalog, l, notices, failures);
        }
        if (failures.isEmpty()) {
            for (String orphan : orphanedBackups(layout)) {
                FileTrees.deleteRecursively(layout.root().resolve(orphan));
            }
        }
        for (String swept : StagingLease.sweep(layout)) {
            notices.add("removed staging left by a process that died: " + swept);
        }
        return new Report(notices, failures);
    }

    /** A journal waiting for recovery, as {@code kb doctor} reports it. */
    public record Pending(String file, String description, String problem) {
    }

    /** The journals recovery would act on, read-only: valid ones described, invalid ones with their problem. */
    public static List<Pending> pending(KbLayout layout) throws IOException {
        List<Pending> out = new ArrayList<>();
        for (Path file : list(layout.journals())) {
            String rel = layout.relative(file);
            if (AtomicFiles.isTemp(file) || !JournalFiles.isJournalName(file)) {
                continue;
            }
            try {
                Journal j = JournalFiles.read(layout, file);
                out.add(new Pending(rel, j.operation() + (j.detail().isEmpty() ? "" : " " + j.detail()), null));
            } catch (InvalidJournalException e) {
                out.add(new Pending(rel, null, e.getMessage()));
            }
        }
        return out;
    }

    /** Files in the journal folder that are neither journals nor kb's temp files: someone else's. */
    public static List<Path> strayFiles(KbLayout layout) throws IOException {
        return list(layout.journals()).stream()
                .filter(f -> !AtomicFiles.isTemp(f) && !JournalFiles.isJournalName(f)).toList();
    }

    /** Backup folders whose journal is gone: left by a crash between removing the two. */
    public static List<String> orphanedBackups(KbLayout layout) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path backup : list(layout.backups())) {
            if (!Files.exists(JournalFiles.fileFor(layout, backup.getFileName().toString()))) {
                out.add(layout.relative(backup));
            }
        }
        return out;
    }

    private static void recoverOne(KbLayout layout, Catalog catalog, Loaded l, List<String> notices,
            List<String> failures) throws IOException {
        Journal j = l.journal();
        String what = j.operation() + (j.detail().isEmpty() ? "" : " " + j.detail());
        if (catalog.isCommitted(j.txid())) {
            MutationSnapshot.removeTempSiblings(layout, j.entries());
            MutationSnapshot.discard(layout, j.txid());
            return;
        }
        if (j.predates(catalog.lastCommitSeq())) {
            String id = Quarantine.setAside(layout, l.file(), "stale journal of " + what
                    + ": the knowledge base committed later transactions, so undoing it would destroy newer work");
            notices.add("set aside a stale journal of " + what + " without executing it; see .kb/quarantine/" + id);
            return;
        }
        if (j.attempts() >= MAX_ATTEMPTS) {
            String id = Quarantine.move(layout, l.file(), "rollback failed " + j.attempts() + " times");
            notices.add("gave up rolling back " + what + " after " + j.attempts()
                    + " failed attempts; its journal and before-images are in .kb/quarantine/" + id);
            return;
        }
        String missing = missingBeforeImage(layout, j);
        if (missing != null) {
            String id = Quarantine.move(layout, l.file(), "before-image missing: " + missing);
            notices.add("quarantined journal of " + what + ": before-image " + missing
                    + " is missing; see .kb/quarantine/" + id);
            return;
        }
        CrashPoints.reach("recovery.attempt");
        try {
            MutationSnapshot.restore(layout, j.txid(), j.entries());
            MutationSnapshot.removeTempSiblings(layout, j.entries());
            CrashPoints.reach("recovery.rolled-back");
            MutationSnapshot.discard(layout, j.txid());
            notices.add("rolled back an interrupted " + what);
        } catch (IOException e) {
            int failed = j.attempts() + 1;
            JournalFiles.write(layout, j.withAttempts(failed));
            failures.add("could not roll back an interrupted " + what + " (failed attempt " + failed + " of "
                    + MAX_ATTEMPTS + "): " + e.getMessage());
        }
    }

    private static String missingBeforeImage(KbLayout layout, Journal j) {
        Path root = MutationSnapshot.backupRoot(layout, j.txid());
        for (JournalEntry e : j.entries()) {
            boolean needsBackup = e.before().equals(JournalEntry.FILE) || e.before().equals(JournalEntry.TREE);
            if (needsBackup && !Files.exists(root.resolve(e.path()), LinkOption.NOFOLLOW_LINKS)) {
                return e.path();
            }
        }
        return null;
    }

    private static boolean nonEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private record Loaded(Path file, Journal journal) {
    }
}
