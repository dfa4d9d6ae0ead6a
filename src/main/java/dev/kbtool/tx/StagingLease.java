package dev.kbtool.tx;

import dev.kbtool.fs.AtomicFiles;
import dev.kbtool.fs.FileTrees;
import dev.kbtool.layout.KbLayout;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A process's private staging area, {@code .kb/staging/<id>/}, guarded by an OS lock on
 * {@code .kb/staging/<id>.lease}. While the process lives the lease is locked; when it dies
 * the kernel frees it, and recovery deletes the area. The lease file is locked under a
 * temporary name and renamed into place, so no sweeper can ever see it unlocked while its
 * owner is alive. The temporary file itself is unlocked for an instant after its creation, in
 * which a sweeper may delete it as a dead process's leftover; the owner then starts again
 * under a new name.
 */
public final class StagingLease implements AutoCloseable {
    private static final String LEASE = ".lease";
    private static final int OPEN_ATTEMPTS = 5;
    /** Leases of this JVM: never opened a second time, which would drop their POSIX lock. */
    private static final Set<Path> OWN = ConcurrentHashMap.newKeySet();

    private final Path leaseFile;
    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final AtomicInteger folders = new AtomicInteger();

    private StagingLease(Path leaseFile, Path dir, FileChannel channel, FileLock lock) {
        this.leaseFile = leaseFile;
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    public static StagingLease open(KbLayout layout) throws IOException {
        Files.createDirectories(layout.staging());
        for (int attempt = 1; ; attempt++) {
            StagingLease lease = tryOpen(layout);
            if (lease != null) {
                return lease;
            }
            if (attempt == OPEN_ATTEMPTS) {
                throw new IOException("cannot create a staging area in " + layout.staging()
                        + ": other kb processes removed it " + OPEN_ATTEMPTS + " times");
            }
        }
    }

    /**
     * Creates, locks and publishes a lease, or returns null when another process's sweep took
     * the new file for a dead process's leftover in the instant between its creation and its
     * lock, and deleted it.
     */
    private static StagingLease tryOpen(KbLayout layout) throws IOException {
        String id = ProcessHandle.current().pid() + "-" + random();
        Path pending = layout.staging().resolve("." + id + LEASE + AtomicFiles.TEMP_MARKER + "0");
        Path leaseFile = layout.staging().resolve(id + LEASE);
        OWN.add(pending);
        OWN.add(leaseFile);
        FileChannel channel;
        FileLock lock;
        try {
            channel = FileChannel.open(pending, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            OWN.remove(pending);
            OWN.remove(leaseFile);
            throw e;
        }
        try {
            lock = channel.lock();
            Files.move(pending, leaseFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            OWN.remove(leaseFile);
            channel.close();
            Files.deleteIfExists(pending);
            OWN.remove(pending);
            if (e instanceof NoSuchFileException) {
                return null;
            }
            throw e;
        }
        OWN.remove(pending);
        Path dir = layout.staging().resolve(id);
        Files.createDirectory(dir);
        CrashPoints.reach("staging.lease-created");
        return new StagingLease(leaseFile, dir, channel, lock);
    }

    public Path dir() {
        return dir;
    }

    /** A fresh, empty folder in this lease for one piece of work. */
    public Path newFolder(String hint) throws IOException {
        String safe = hint.replaceAll("[^\\w.-]", "_");
        return Files.createDirectory(dir.resolve(folders.incrementAndGet() + "-"
                + safe.substring(0, Math.min(40, safe.length()))));
    }

    /**
     * Deletes the area and the lease. If the area cannot be deleted (a worker that ran out of
     * time may still be writing into it) the lease file stays, unlocked once this process
     * exits, and the next recovery sweeps both.
     */
    @Override
    public void close() throws IOException {
        try {
            FileTrees.deleteRecursively(dir);
            Files.deleteIfExists(leaseFile);
        } catch (IOException leftForRecovery) {
            // Swept by the next recovery once this process is gone.
        } finally {
            OWN.remove(leaseFile);
            lock.release();
            channel.close();
        }
    }

    /** Deletes staging areas whose owning process is gone; returns what was removed. Live leases are never touched. */
    static List<String> sweep(KbLayout layout) throws IOException {
        List<String> removed = new ArrayList<>();
        for (Path stale : stale(layout, true)) {
            removed.add(layout.relative(stale));
        }
        return removed;
    }

    /** Staging entries that belong to no live process; with {@code delete}, removes them while holding their lease. */
    public static List<Path> stale(KbLayout layout, boolean delete) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(layout.staging())) {
            return found;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(layout.staging())) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.endsWith(LEASE) || (name.startsWith(".") && name.contains(LEASE + AtomicFiles.TEMP_MARKER))) {
                if (OWN.contains(entry)) {
                    continue;
                }
                Path area = name.endsWith(LEASE) ? layout.staging().resolve(name.substring(0, name.length() - LEASE.length())) : null;
                if (releaseIfDead(entry, area, delete)) {
                    found.add(area != null ? area : entry);
                }
            } else if (!Files.exists(layout.staging().resolve(name + LEASE), LinkOption.NOFOLLOW_LINKS)
                    && !OWN.contains(layout.staging().resolve(name + LEASE))) {
                // An area without its lease: its owner finished deleting the lease last, so it is dead.
                found.add(entry);
                if (delete) {
                    FileTrees.deleteRecursively(entry);
                }
            }
        }
        return found;
    }

    private static boolean releaseIfDead(Path leaseFile, Path area, boolean delete) throws IOException {
        try (FileChannel ch = FileChannel.open(leaseFile, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                return false;
            }
            if (probe == null) {
                return false;
            }
            try {
                if (delete) {
                    if (area != null) {
                        FileTrees.deleteRecursively(area);
                    }
                    Files.deleteIfExists(leaseFile);
                }
            } finally {
                probe.release();
            }
            return true;
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    private static String random() {
        byte[] b = new byte[4];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
