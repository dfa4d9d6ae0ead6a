package dev.kbtool.tx;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of the prepare pool. They are marked so that an attempt to take the KB lock from
 * one fails at once: a worker waiting for the lock while the committing thread waits for
 * the worker would deadlock the batch.
 */
public final class PrepareWorkers implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
        Thread t = new Worker(task, "kb-prepare-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    public static boolean isCurrentThreadWorker() {
        return Thread.currentThread() instanceof Worker;
    }

    private static final class Worker extends Thread {
        Worker(Runnable task, String name) {
            super(task, name);
        }
    }
}
