package dev.kbtool.llm;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How retry back-off waits; a seam so tests can record waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());

    /** Waits for {@code duration}; an interrupt ends the wait with {@link InterruptedException}. */
    void sleep(Duration duration) throws InterruptedException;
}
