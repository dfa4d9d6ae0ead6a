package dev.kbtool.tx;

import dev.kbtool.fs.AtomicFiles;
import dev.kbtool.layout.KbLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Journals recovery must not or cannot execute, kept with their before-images in
 * {@code .kb/quarantine/<id>/} for a person to inspect. Nothing here is ever deleted by kb:
 * it may be the only copy of files a failed transaction overwrote. A quarantined journal of a
 * transaction that may be half-applied blocks every mutating command until a person resolves
 * it; one merely set aside (stale: the knowledge base is whole without it) does not.
 */
public final class Quarantine {
    static final String REASON_FILE = "reason.txt";
    /** Present in the folder of a journal set aside: kept for a person, blocking nothing. */
    static final String SET_ASIDE_FILE = "set-aside";

    private Quarantine() {
    }

    /** Moves a journal whose transaction may be half-applied out of recovery's way; it blocks mutations. */
    static String move(KbLayout layout, Path journalFile, String reason) throws IOException {
        return move(layout, journalFile, reason, false);
    }

    /** Keeps a journal that must not be executed, without blocking anything: the KB is whole without it. */
    static String setAside(KbLayout layout, Path journalFile, String reason) throws IOException {
        return move(layout, journalFile, reason, true);
    }

    private static String move(KbLayout layout, Path journalFile, String reason, boolean setAside)
            throws IOException {
        String name = journalFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        String id = stem.replaceAll("[^A-Za-z0-9_-]", "_");
        Path dir = layout.quarantine().resolve(id);
        for (int i = 2; Files.exists(dir, LinkOption.NOFOLLOW_LINKS); i++) {
            dir = layout.quarantine().resolve(id + "-" + i);
        }
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(REASON_FILE), "quarantined " + Instant.now() + ": " + reason + "\n");
        if (setAside) {
            AtomicFiles.writeString(dir.resolve(SET_ASIDE_FILE), "");
        }
        if (JournalFiles.TXID.matcher(stem).matches()) {
            Path backup = MutationSnapshot.backupRoot(layout, stem);
            if (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(backup, dir.resolve("backup"), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(journalFile, dir.resolve("journal.json"), StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.fsyncDirectory(layout.journals());
        AtomicFiles.fsyncDirectory(layout.quarantine());
        return dir.getFileName().toString();
    }

    /** The quarantined transactions, each with its recorded reason. */
    public static List<Item> list(KbLayout layout) {
        List<Item> items = new ArrayList<>();
        if (!Files.isDirectory(layout.quarantine())) {
            return items;
        }
        try (Stream<Path> dirs = Files.list(layout.quarantine())) {
            for (Path dir : dirs.sorted().toList()) {
                String reason;
                try {
                    reason = Files.readString(dir.resolve(REASON_FILE)).strip();
                } catch (IOException e) {
                    reason = "no reason recorded";
                }
                boolean blocking = !Files.exists(dir.resolve(SET_ASIDE_FILE), LinkOption.NOFOLLOW_LINKS);
                items.add(new Item(dir.getFileName().toString(), layout.relative(dir), reason, blocking));
            }
        } catch (IOException e) {
            items.add(new Item("?", layout.relative(layout.quarantine()), "cannot list: " + e.getMessage(), true));
        }
        return items;
    }

    /**
     * One quarantined transaction: its folder (KB-relative) and why it is there.
     *
     * @param blocking whether mutating commands refuse to run until a person resolves it
     */
    public record Item(String id, String path, String reason, boolean blocking) {
    }
}
