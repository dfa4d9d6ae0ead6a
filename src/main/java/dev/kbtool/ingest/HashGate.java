package dev.kbtool.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * Lets prepare workers, which hash files in parallel and out of order, decide duplicates
 * inside a batch exactly as a serial run would: the first file in scan order with given
 * content wins. A file's hashing step publishes its hash; its preparation step waits until
 * every earlier file is hashed. The pool hands out hashing before any preparation and in scan
 * order ({@link PrepareStep}), so those are already running or done.
 */
final class HashGate {
    private final boolean[] done;
    private final Map<String, Integer> first = new HashMap<>();
    private int watermark;

    HashGate(int files) {
        this.done = new boolean[files];
    }

    /** Records file {@code index}'s hash; null when it could not be hashed. */
    synchronized void hashed(int index, String hash) {
        done[index] = true;
        if (hash != null) {
            first.merge(hash, index, Math::min);
        }
        while (watermark < done.length && done[watermark]) {
            watermark++;
        }
        notifyAll();
    }

    /** The scan index of the first file with this hash, once all files before {@code index} are hashed. */
    synchronized int firstWith(int index, String hash) throws InterruptedException {
        while (watermark < index) {
            wait();
        }
        return first.get(hash);
    }
}
