package dev.kbtool.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Durable, all-or-nothing file replacement: a temp file next to the target, fsync, an
 * atomic rename over the target, then an fsync of the directory. A reader sees the old
 * bytes or the new ones, never a mix, and after a crash the file is one or the other.
 * Replaced files keep their mode; new files get the mode any new file would get. Inside a
 * transaction the fsyncs go to its {@link SyncBatch} and are made together before the commit
 * point: until then a power loss may leave a renamed file without its data, which recovery
 * replaces by the before-image anyway.
 */
public final class AtomicFiles {
    /** Temp files carry this marker so recovery and doctor can recognise leftovers. */
    public static final String TEMP_MARKER = ".kbtmp-";

    private AtomicFiles() {
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, null);
    }

    /**
     * Replaces {@code target} atomically; with a {@code batch} (inside a transaction) its fsyncs are
     * left to the batch, made before the commit point, instead of made now.
     */
    public static void write(Path target, byte[] bytes, SyncBatch batch) throws IOException {
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            replaceWith(in, target, batch);
        } catch (IOException e) {
            throw named(target, e);
        }
    }

    /** Copies {@code source} over {@code target} atomically, streaming so large files use constant memory. */
    public static void copy(Path source, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            replaceWith(in, target, null);
        }
    }

    private static void replaceWith(InputStream in, Path target, SyncBatch batch) throws IOException {
        Path tmp = tempSibling(target);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] chunk = new byte[1 << 16];
                int n;
                while ((n = in.read(chunk)) > 0) {
                    writeFully(ch, ByteBuffer.wrap(chunk, 0, n), target);
                }
                if (batch == null) {
                    Faults.beforeFsync(target);
                    // fdatasync: the data and what it takes to read it back; the rename is made
                    // durable by the directory fsync.
                    ch.force(false);
                }
            }
            replace(tmp, target, batch);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The first half of {@link #write}: the bytes in a temp file beside {@code target}, whose fsync
     * is left to {@code batch}; {@link #rename} finishes it once the batch is flushed. For a file
     * that must not appear before other files are durable (a journal, after its before-images)
     * but whose own fsync may run together with theirs.
     */
    public static Path writeTemp(Path target, byte[] bytes, SyncBatch batch) throws IOException {
        Path tmp = tempSibling(target);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(ch, ByteBuffer.wrap(bytes), target);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw named(target, e);
        }
        batch.file(tmp);
        return tmp;
    }

    /** Renames a temp file from {@link #writeTemp}, already durable, over {@code target}, and syncs the directory. */
    public static void rename(Path tmp, Path target) throws IOException {
        try {
            replace(tmp, target, null);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw named(target, e);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, Path target) throws IOException {
        while (buf.hasRemaining()) {
            Faults.beforeWrite(target);
            ch.write(buf);
        }
    }

    /**
     * Moves a finished file (e.g. from staging) onto {@code target} by atomic rename. Across
     * file systems, where rename cannot work, it falls back to an atomic copy.
     */
    public static void publish(Path source, Path target) throws IOException {
        publish(source, target, null);
    }

    public static void publish(Path source, Path target, SyncBatch batch) throws IOException {
        try {
            publishNamed(source, target, batch);
        } catch (IOException e) {
            throw named(target, e);
        }
    }

    private static void publishNamed(Path source, Path target, SyncBatch batch) throws IOException {
        Files.createDirectories(target.getParent());
        Set<PosixFilePermission> mode = modeFor(target);
        try {
            Faults.beforeWrite(target);
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            try (InputStream in = Files.newInputStream(source)) {
                replaceWith(in, target, batch);
            }
            Files.deleteIfExists(source);
            return;
        }
        applyMode(target, mode);
        if (batch == null) {
            fsync(target);
            fsyncDirectory(target.getParent());
        } else {
            batch.file(target);
            batch.dir(target.getParent());
        }
    }

    /** Appends bytes at the end of a file and forces them to disk; used only for append-only files. */
    public static void append(Path target, byte[] bytes) throws IOException {
        append(target, bytes, null);
    }

    public static void append(Path target, byte[] bytes, SyncBatch batch) throws IOException {
        boolean created = !Files.exists(target);
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            writeFully(ch, ByteBuffer.wrap(bytes), target);
            if (batch == null) {
                Faults.beforeFsync(target);
                ch.force(false);
            }
        } catch (IOException e) {
            throw named(target, e);
        }
        if (batch != null) {
            batch.file(target);
            if (created) {
                batch.dir(target.getParent());
            }
        } else if (created) {
            fsyncDirectory(target.getParent());
        }
    }

    public static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Faults.beforeFsync(file);
            ch.force(false);
        } catch (IOException e) {
            throw named(file, e);
        }
    }

    /** Makes a rename or a new directory entry durable; a no-op where directories cannot be opened. */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            Faults.beforeFsync(dir);
            ch.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
            // Windows cannot open directories; NTFS journals the rename itself.
        } catch (IOException e) {
            throw named(dir, e);
        }
    }

    /**
     * The failure with the file it concerns: the JDK reports a failed write or fsync with the
     * system's words only ("Input/output error"), and a person must know where it happened.
     */
    static IOException named(Path file, IOException e) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            return e;
        }
        FileSystemException named = new FileSystemException(file.toString(), null,
                e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        named.initCause(e);
        return named;
    }

    /** Whether a file name is one of kb's temp files. */
    public static boolean isTemp(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") && name.contains(TEMP_MARKER);
    }

    public static Path tempSibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
        return dir.resolve("." + target.getFileName() + TEMP_MARKER + suffix);
    }

    private static void replace(Path tmp, Path target, SyncBatch batch) throws IOException {
        applyMode(tmp, modeFor(target));
        Faults.beforeRename(target);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        if (batch == null) {
            fsyncDirectory(target.getParent());
        } else {
            batch.file(target);
            batch.dir(target.getParent());
        }
    }

    /** The mode the new file should have: that of the file it replaces, else the default for new files. */
    private static Set<PosixFilePermission> modeFor(Path target) throws IOException {
        try {
            return Files.getPosixFilePermissions(target);
        } catch (NoSuchFileException e) {
            return null;
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static void applyMode(Path file, Set<PosixFilePermission> mode) throws IOException {
        if (mode == null) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, mode);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: modes do not exist there.
        }
    }

    /** Creates a directory and makes its entry durable in the parent. */
    public static void createDirectories(Path dir) throws IOException {
        Path missing = dir.toAbsolutePath();
        if (Files.isDirectory(missing)) {
            return;
        }
        Path parent = missing.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(missing);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(missing)) {
                throw e;
            }
            return;
        }
        if (parent != null) {
            fsyncDirectory(parent);
        }
    }
}
