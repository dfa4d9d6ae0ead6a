package dev.kbtool.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Where SQLite's native library is loaded from. By default sqlite-jdbc extracts it into the
 * temp folder on every start and deletes it only on a normal exit, so every kb killed by a
 * signal — routine for a tool run from cron — leaves a megabyte in {@code /tmp} for good. kb
 * extracts it once per driver version and platform into a folder of its own (the user's cache
 * folder, {@code $XDG_CACHE_HOME/kb}, else {@code ~/.cache/kb}), written under a private name
 * and renamed into place, and points the driver there; nothing is extracted again and nothing
 * is left behind. Where no such folder can be written, the driver's own way is kept.
 */
final class SqliteLibrary {
    private static boolean prepared;

    private SqliteLibrary() {
    }

    /** Points the driver at kb's copy of the library, extracting it first if needed; once per process. */
    static synchronized void prepare() {
        if (prepared || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        prepared = true;
        String resourceFolder = LibraryLoaderUtil.getNativeLibResourcePath();
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = resourceFolder + "/" + name;
        Path cache = cacheFolder();
        if (cache == null || SqliteLibrary.class.getResource(resource) == null) {
            return;
        }
        Path dir = cache.resolve("sqlite-" + SQLiteJDBCLoader.getVersion() + resourceFolder
                .replaceFirst("^/org/sqlite/native", "").replace('/', '-'));
        try {
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                extract(resource, lib);
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
            // The driver sweeps its temp folder for libraries of dead processes on every start;
            // in kb's own folder there are none, and the sweep cannot race another process's.
            System.setProperty("org.sqlite.tmpdir", dir.toString());
        } catch (IOException | RuntimeException e) {
            // A read-only home or a full disk: the driver extracts into the temp folder as before.
        }
    }

    private static void extract(String resource, Path lib) throws IOException {
        Files.createDirectories(lib.getParent());
        Path tmp = lib.resolveSibling("." + lib.getFileName() + "." + UUID.randomUUID());
        try {
            try (InputStream in = SqliteLibrary.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("missing resource " + resource);
                }
                Files.copy(in, tmp);
            }
            // A library torn by a power loss would fail every later start: durable before it is named.
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "kb");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() || home.equals("?") ? null : Path.of(home, ".cache", "kb");
    }
}
