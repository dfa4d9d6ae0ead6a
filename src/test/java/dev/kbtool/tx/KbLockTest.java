package dev.kbtool.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.layout.KbLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbLockTest {
    @TempDir
    Path tmp;
    KbLayout layout;

    @BeforeEach
    void setUp() throws Exception {
        layout = new KbLayout(tmp);
        Files.createDirectories(layout.state());
    }

    @Test
    void reentrantForTheOwningThreadAndRecordsTheHolder() {
        KbLock lock = KbLock.of(layout);
        try (LockToken outer = lock.acquire(Duration.ZERO, "kb test", n -> { })) {
            try (LockToken inner = lock.acquire(Duration.ZERO, "kb test", n -> { })) {
                assertThat(lock.holdCount()).isEqualTo(2);
                inner.check();
            }
            assertThat(lock.holdCount()).isEqualTo(1);
            assertThat(lock.holder()).hasValueSatisfying(h -> {
                assertThat(h.pid()).isEqualTo(ProcessHandle.current().pid());
                assertThat(h.command()).isEqualTo("kb test");
            });
        }
        assertThat(lock.isHeldByCurrentThread()).isFalse();
    }

    @Test
    void anotherThreadWaitsThenGivesUpWithBusy() throws Exception {
        KbLock lock = KbLock.of(layout);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (LockToken held = lock.acquire(Duration.ZERO, "kb holder", n -> { })) {
            long start = System.nanoTime();
            Future<?> attempt = other.submit(() -> lock.acquire(Duration.ofMillis(300), "kb waiter", n -> { }));

            assertThatThrownBy(() -> get(attempt)).isInstanceOfSatisfying(KbException.class,
                    e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BUSY));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aPrepareWorkerIsRefusedAtOnceEvenWhileTheLockIsBusy() throws Exception {
        KbLock lock = KbLock.of(layout);
        ExecutorService workers = Executors.newFixedThreadPool(1, new PrepareWorkers());
        try (LockToken held = lock.acquire(Duration.ZERO, "kb committer", n -> { })) {
            Future<?> attempt = workers.submit(() -> lock.acquire(Duration.ofMinutes(10), "worker", n -> { }));

            assertThatThrownBy(() -> attempt.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("prepare worker");
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void tokensOnlyWorkOnTheOwningThread() throws Exception {
        KbLock lock = KbLock.of(layout);
        try (LockToken token = lock.acquire(Duration.ZERO, "kb", n -> { })) {
            List<Throwable> seen = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                try {
                    token.check();
                } catch (Throwable e) {
                    seen.add(e);
                }
                done.countDown();
            });
            t.start();
            done.await();
            assertThat(seen).singleElement().isInstanceOf(IllegalStateException.class);
        }
    }

    private static Object get(Future<?> f) throws Throwable {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        }
    }
}
