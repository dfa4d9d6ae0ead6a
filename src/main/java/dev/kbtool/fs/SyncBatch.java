package dev.kbtool.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The fsyncs of one transaction, made together just before its commit point. Until the catalog
 * says a transaction committed, recovery puts every planned path back from its before-image
 * whatever the live file holds, so what a transaction writes needs to be durable only by then,
 * not file by file. Issued at once from several threads, the file system folds the fsyncs into
 * one or two journal commits instead of one each: twenty small files written by rename took
 * 36 ms with an fsync after each and 8 ms with the fsyncs made together afterwards (medians of
 * 8 rounds on this project's ext4 machine; docs/benchmarks.md, issue 22).
 */
public final class SyncBatch {
    /** More concurrent fsyncs than this gain nothing: the device's queue is the limit. */
    private static final int THREADS = 8;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "kb-fsync");
        t.setDaemon(true);
        return t;
    });

    private final Set<Path> files = new LinkedHashSet<>();
    private final Set<Path> dirs = new LinkedHashSet<>();

    /** A file whose data must be durable before the commit point. */
    public void file(Path file) {
        files.add(file);
    }

    /** A directory whose entries changed (a rename, a new or deleted file). */
    public void dir(Path dir) {
        dirs.add(dir);
    }

    public int size() {
        return files.size() + dirs.size();
    }

    /**
     * Makes every recorded file and directory durable, all at once, and forgets them. Injected
     * faults are checked here, in recording order, so a test's n-th fsync is the same every run.
     * Waits for every fsync before reporting the first failure.
     */
    public void flush() throws IOException {
        List<Path> filesNow = new ArrayList<>(files);
        List<Path> dirsNow = new ArrayList<>(dirs);
        files.clear();
        dirs.clear();
        for (Path f : filesNow) {
            Faults.beforeFsync(f);
        }
        for (Path d : dirsNow) {
            Faults.beforeFsync(d);
        }
        List<Future<?>> running = new ArrayList<>();
        for (Path f : filesNow) {
            running.add(POOL.submit(() -> force(f, false)));
        }
        for (Path d : dirsNow) {
            running.add(POOL.submit(() -> force(d, true)));
        }
        IOException first = null;
        for (Future<?> r : running) {
            try {
                awaitUninterruptibly(r);
            } catch (ExecutionException e) {
                IOException failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * The commit must not go on, nor the rollback start, while an fsync of this transaction still
     * runs; an interrupt (Ctrl-C) is kept for the caller to see afterwards.
     */
    private static void awaitUninterruptibly(Future<?> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Void force(Path path, boolean directory) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            // fdatasync for files: the data and what it takes to read it back; the rename is made
            // durable by its directory's fsync.
            ch.force(directory);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
            if (!directory) {
                throw e;
            }
            // Windows cannot open directories; NTFS journals the rename itself.
        } catch (IOException e) {
            throw AtomicFiles.named(path, e);
        }
        return null;
    }
}
