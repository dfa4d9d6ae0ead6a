package dev.kbtool.llm;

import java.time.Duration;

/**
 * A point in time on the monotonic clock by which work must be done, with the budget it
 * was made from so a failure can say which limit ran out.
 */
public record Deadline(long atNanos, Duration budget) {

    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, atNanos - System.nanoTime()));
    }

    public boolean expired() {
        return atNanos - System.nanoTime() <= 0;
    }

    /** A duration the way config writes it: 200ms, 30s, 5m. */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms >= 60_000 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms >= 1000 && ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /** Whichever of the two comes first. */
    public Deadline earlier(Deadline other) {
        return other.atNanos - atNanos < 0 ? other : this;
    }
}
