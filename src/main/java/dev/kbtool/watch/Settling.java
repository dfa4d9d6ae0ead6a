package dev.kbtool.watch;

import dev.kbtool.sync.FileStat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Files wait until they stand still: a file is taken once its size and modification time have
 * not changed for the settle delay, so a file still being copied or saved is never added half
 * written. A file last modified longer ago than the delay is taken at once.
 */
final class Settling {
    private record Seen(FileStat stat, long sinceNanos) {
    }

    private final Duration delay;
    private final Map<Path, Seen> waiting = new HashMap<>();

    Settling(Duration delay) {
        this.delay = delay;
    }

    /** Whether the file may be taken now; if not, it waits, and {@link #nextDue} says when to look again. */
    boolean ready(Path file, FileStat stat, long nowNanos, long nowMillis) {
        Seen seen = waiting.get(file);
        boolean quietSinceModified = nowMillis - stat.modified() / 1_000_000 >= delay.toMillis();
        if (seen == null || !seen.stat().equals(stat)) {
            if (seen == null && quietSinceModified) {
                return true;
            }
            waiting.put(file, new Seen(stat, nowNanos));
            return false;
        }
        if (nowNanos - seen.sinceNanos() >= delay.toNanos() || quietSinceModified) {
            waiting.remove(file);
            return true;
        }
        return false;
    }

    /** Stops waiting for a file that is gone or was taken by another way. */
    void forget(Path file) {
        waiting.remove(file);
    }

    Set<Path> waiting() {
        return waiting.keySet();
    }

    /** When the first waiting file may be ready ({@link System#nanoTime} scale), or never. */
    long nextDue() {
        return waiting.values().stream().mapToLong(s -> s.sinceNanos() + delay.toNanos()).min().orElse(Long.MAX_VALUE);
    }
}
