package dev.kbtool.ingest;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/**
 * One step of a file's preparation waiting in the prepare pool's queue, which takes steps in
 * this order. Hashing comes first and in scan order, so a worker that waits in the
 * {@link HashGate} for earlier files' hashes only ever waits for hashing already running.
 * Preparation then takes the biggest file first: a long document started late is the one
 * thing still running at the end of a batch while the other workers have nothing left to do.
 */
final class PrepareStep<T> extends FutureTask<T> implements Comparable<PrepareStep<?>> {
    private final boolean hashing;
    private final long size;
    private final int index;

    private PrepareStep(Callable<T> work, boolean hashing, long size, int index) {
        super(work);
        this.hashing = hashing;
        this.size = size;
        this.index = index;
    }

    static <T> PrepareStep<T> hashing(int index, Callable<T> work) {
        return new PrepareStep<>(work, true, 0, index);
    }

    static <T> PrepareStep<T> preparing(int index, long size, Callable<T> work) {
        return new PrepareStep<>(work, false, size, index);
    }

    @Override
    public int compareTo(PrepareStep<?> other) {
        if (hashing != other.hashing) {
            return hashing ? -1 : 1;
        }
        if (!hashing && size != other.size) {
            return Long.compare(other.size, size);
        }
        return Integer.compare(index, other.index);
    }
}
