package dev.kbtool.pipeline;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/**
 * One step of a file's preparation waiting in the prepare pool's queue, which takes steps in
 * this order. A step the committing thread is waiting for comes first. Then hashing, in scan
 * order, so a worker that waits in the {@link HashGate} for earlier files' hashes only ever
 * waits for hashing already running. Then preparation, biggest file first: a long document
 * started late is the one thing still running at the end of a batch while the other workers
 * have nothing left to do.
 */
public final class PrepareStep<T> extends FutureTask<T> implements Comparable<PrepareStep<?>> {
    private final boolean hashing;
    private final long size;
    private final int index;
    private volatile boolean urgent;

    private PrepareStep(Callable<T> work, boolean hashing, long size, int index, boolean urgent) {
        super(work);
        this.hashing = hashing;
        this.size = size;
        this.index = index;
        this.urgent = urgent;
    }

    public static <T> PrepareStep<T> hashing(int index, Callable<T> work) {
        return new PrepareStep<>(work, true, 0, index, false);
    }

    /** @param urgent nothing is left to do but report the file, or someone waits for it */
    public static <T> PrepareStep<T> preparing(int index, long size, boolean urgent, Callable<T> work) {
        return new PrepareStep<>(work, false, size, index, urgent);
    }

    /** Moves the step to the front; only while it is out of the queue, whose order must not change under it. */
    public void makeUrgent() {
        urgent = true;
    }

    @Override
    public int compareTo(PrepareStep<?> other) {
        if (urgent != other.urgent) {
            return urgent ? -1 : 1;
        }
        if (!urgent && hashing != other.hashing) {
            return hashing ? -1 : 1;
        }
        if (!urgent && !hashing && size != other.size) {
            return Long.compare(other.size, size);
        }
        return Integer.compare(index, other.index);
    }
}
