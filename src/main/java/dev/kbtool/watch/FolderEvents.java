package dev.kbtool.watch;

import dev.kbtool.ingest.KnowledgeBases;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The native file events of some folders and everything under them ({@link WatchService}):
 * each folder is registered, and folders that appear are registered as they appear. Events
 * say only which paths to look at again; the scan decides what they mean. When the system
 * drops events (its queue overflowed) or cannot watch more folders, {@link Changes#everything}
 * asks for a full rescan instead.
 */
final class FolderEvents implements AutoCloseable {
    /** What changed since the last call: paths to look at, or everything. */
    record Changes(Set<Path> paths, boolean everything) {
        boolean any() {
            return everything || !paths.isEmpty();
        }
    }

    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Set<Path> watched = new HashSet<>();
    private final Consumer<String> notices;
    private boolean limitReported;
    private boolean lostEvents;

    FolderEvents(Consumer<String> notices) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.notices = notices;
    }

    /** Watches {@code folder} and every folder under it that kb would walk into. */
    void register(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!watchable(folder, dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    registerOne(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // A folder that vanished or cannot be read meanwhile: the rescan sees the rest.
                    lostEvents = true;
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            lostEvents = true;
        }
    }

    /**
     * Waits up to {@code timeout} for the first event, then takes whatever else is queued.
     * Returns the paths that changed (a folder that appeared is registered and returned whole).
     */
    Changes poll(Duration timeout) throws InterruptedException {
        Set<Path> paths = new LinkedHashSet<>();
        boolean everything = lostEvents;
        lostEvents = false;
        try {
            WatchKey key = service.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            while (key != null) {
                everything |= drain(key, paths);
                key = service.poll();
            }
        } catch (ClosedWatchServiceException e) {
            everything = true;
        }
        return new Changes(paths, everything);
    }

    private boolean drain(WatchKey key, Set<Path> paths) {
        Path dir = keys.get(key);
        boolean overflow = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                overflow = true;
                continue;
            }
            if (dir == null) {
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            paths.add(child);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                register(child);
            }
        }
        if (!key.reset()) {
            // The folder was deleted or moved away: what it held is looked at again.
            keys.remove(key);
            if (dir != null) {
                watched.remove(dir);
                paths.add(dir);
            }
        }
        return overflow;
    }

    private void registerOne(Path dir) {
        if (watched.contains(dir)) {
            return;
        }
        try {
            watched.add(dir);
            keys.put(dir.register(service, List.of(StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE)
                    .toArray(WatchEvent.Kind<?>[]::new)), dir);
        } catch (IOException e) {
            watched.remove(dir);
            // Most often the system's limit of watched folders (fs.inotify.max_user_watches).
            if (!limitReported) {
                limitReported = true;
                notices.accept("cannot watch " + dir + " (" + e.getMessage() + "); changes there are found by the "
                        + "periodic rescan");
            }
        }
    }

    /** Hidden folders and a knowledge base's own folders are never read, so never watched. */
    private static boolean watchable(Path root, Path dir) {
        if (dir.equals(root)) {
            return true;
        }
        String name = dir.getFileName().toString();
        return !name.startsWith(".") && KnowledgeBases.owning(dir).isEmpty()
                && !KnowledgeBases.isRoot(dir);
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
