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
 * it may be the only copy of files a failed transaction overwrote.
 */
public final class Quarantine {
    static final String REASON_FILE = "reason.txt";

    private Quarantine() {
    }

    /** Moves a journal (and the backup of the same id, if any) out of recovery's way. */
    static String move(KbLayout layout, Path journalFile, String reason) throws IOException {
        String name = journalFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        String id = stem.replaceAll("[^A-Za-z0-9_-]", "_");
        Path dir = layout.quarantine().resolve(id);
        for (int i = 2; Files.exists(dir, LinkOption.NOFOLLOW_LINKS); i++) {
            dir = layout.quarantine().resolve(id + "-" + i);
        }
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(REASON_FILE), "quarantined " + Instant.now() + ": " + reason + "\n");
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
                items.add(new Item(dir.getFileName().toString(), layout.relative(dir), reason));
            }
        } catch (IOException e) {
            items.add(new Item("?", layout.relative(layout.quarantine()), "cannot list: " + e.getMessage()));
        }
        return items;
    }

    /** One quarantined transaction: its folder (KB-relative) and why it is there. */
    public record Item(String id, String path, String reason) {
    }
}
