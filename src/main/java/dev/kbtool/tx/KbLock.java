package dev.kbtool.tx;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.text.Units;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The exclusive lock of one knowledge base. Two layers: an in-JVM reentrant lock with
 * per-thread ownership, and an OS lock on {@code .kb/lock} taken through exactly one
 * {@link FileChannel} per process, kept open for the life of the JVM — POSIX drops a
 * process's lock when any descriptor of the file is closed, and a JVM cannot lock one file
 * twice. A killed holder's OS lock is released by the kernel at once. The file's content
 * names the holder, for the people who wait.
 */
public final class KbLock {
    private static final ConcurrentHashMap<Path, KbLock> LOCKS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration NOTICE_AFTER = Duration.ofSeconds(1);
    private static final int MAX_HOLDER_BYTES = 4096;

    private final Path file;
    private final ReentrantLock inJvm = new ReentrantLock(true);
    private FileChannel channel;
    private FileLock osLock;

    private KbLock(KbLayout layout) {
        this.file = layout.lockFile();
    }

    public static KbLock of(KbLayout layout) {
        return LOCKS.computeIfAbsent(layout.lockFile(), f -> new KbLock(layout));
    }

    /**
     * Takes the lock for the current thread, waiting up to {@code timeout}. Reentrant: a
     * thread that holds it gets another level at once. Prepare workers are refused at once.
     *
     * @param command       what the holder is doing, shown to whoever waits for it
     * @param waitingNotice told once, after a second of waiting, who holds the lock
     */
    public LockToken acquire(Duration timeout, String command, Consumer<String> waitingNotice) {
        if (PrepareWorkers.isCurrentThreadWorker()) {
            throw new IllegalStateException("a prepare worker tried to take the KB lock; only the commit thread may");
        }
        if (inJvm.isHeldByCurrentThread()) {
            inJvm.lock();
            return new LockToken(this);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!inJvm.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(timeout, Optional.of(new LockHolder(ProcessHandle.current().pid(),
                        "another thread of this process", Instant.now().toString())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KbException(ExitCode.INTERRUPTED, "interrupted while waiting for the knowledge base lock");
        }
        try {
            takeOsLock(deadline, timeout, waitingNotice);
            writeHolder(command);
            CrashPoints.reach("lock.acquired");
            return new LockToken(this);
        } catch (RuntimeException | Error e) {
            releaseOsLock();
            inJvm.unlock();
            throw e;
        }
    }

    public boolean isHeldByCurrentThread() {
        return inJvm.isHeldByCurrentThread();
    }

    /** How many levels the current thread holds; 1 means the outermost acquisition. */
    public int holdCount() {
        return inJvm.getHoldCount();
    }

    void release() {
        if (!inJvm.isHeldByCurrentThread()) {
            throw new IllegalStateException("KB lock released by a thread that does not hold it");
        }
        if (inJvm.getHoldCount() == 1) {
            releaseOsLock();
        }
        inJvm.unlock();
    }

    /**
     * The recorded holder, if any; stale when nobody holds the lock, and empty when it cannot
     * be read (caught mid-write, or a system whose locks forbid reading the locked file).
     */
    public Optional<LockHolder> holder() {
        try {
            FileChannel ch = channel();
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), MAX_HOLDER_BYTES));
            while (buf.hasRemaining()) {
                if (ch.read(buf, buf.position()) < 0) {
                    break;
                }
            }
            return Optional.of(JSON.readValue(buf.array(), 0, buf.position(), LockHolder.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void takeOsLock(long deadline, Duration timeout, Consumer<String> waitingNotice) {
        long started = System.nanoTime();
        long pause = 5;
        boolean noticed = false;
        try {
            FileChannel ch = channel();
            while (true) {
                osLock = ch.tryLock();
                if (osLock != null) {
                    return;
                }
                if (System.nanoTime() >= deadline) {
                    throw busy(timeout, holder());
                }
                if (!noticed && System.nanoTime() - started >= NOTICE_AFTER.toNanos()) {
                    noticed = true;
                    waitingNotice.accept("waiting for the knowledge base lock, held by "
                            + holder().map(LockHolder::describe).orElse("another process") + " ...");
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                Thread.sleep(Math.max(1, Math.min(pause, left)));
                pause = Math.min(pause * 2, 100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KbException(ExitCode.INTERRUPTED, "interrupted while waiting for the knowledge base lock");
        } catch (IOException e) {
            throw new KbException(ExitCode.FAILURE, "cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private synchronized FileChannel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        }
        return channel;
    }

    private void releaseOsLock() {
        if (osLock != null) {
            try {
                osLock.release();
            } catch (IOException ignored) {
                // The lock dies with the process anyway; nothing more can be done here.
            }
            osLock = null;
        }
    }

    /**
     * Records the holder inside the lock file itself, through the channel that holds the lock:
     * nothing to fsync, no temp file to leave behind when killed, and no second descriptor of
     * the file whose closing would drop the lock. Readers tolerate a torn or stale record.
     */
    private void writeHolder(String command) {
        LockHolder me = new LockHolder(ProcessHandle.current().pid(), command, Instant.now().toString());
        try {
            FileChannel ch = channel();
            ByteBuffer buf = ByteBuffer.wrap(JSON.writeValueAsBytes(me));
            while (buf.hasRemaining()) {
                ch.write(buf, buf.position());
            }
            ch.truncate(buf.limit());
        } catch (IOException e) {
            throw new KbException(ExitCode.FAILURE, "cannot record the lock holder in " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private KbException busy(Duration timeout, Optional<LockHolder> holder) {
        return new KbException(ExitCode.BUSY, "knowledge base is busy: the lock is held by "
                + holder.map(LockHolder::describe).orElse("another process")
                + "; gave up after " + Units.formatDuration(timeout)
                + " (raise --lock-timeout to wait longer)");
    }
}
