package dev.kbtool.kb;

import java.time.Duration;
import java.util.List;

/**
 * The validated settings of one knowledge base. Every key has a default, so a KB with an
 * empty {@code config.yaml} works; {@code config.yaml.example} documents each key.
 *
 * @param jobs          prepare workers for {@code kb add}; 0 means one per CPU core
 * @param maxFileSize   larger input files fail with a per-file reason
 * @param fileTimeout   a file whose preparation takes longer fails on its own
 * @param ignore        glob patterns of paths {@code kb add} skips
 * @param longDocPages  documents with at least this many pages are stored per page
 * @param lockTimeout   how long a command waits for a busy knowledge base
 */
public record Config(
        int jobs,
        long maxFileSize,
        Duration fileTimeout,
        List<String> ignore,
        int longDocPages,
        Duration lockTimeout) {

    public Config {
        ignore = List.copyOf(ignore);
    }

    public static Config defaults() {
        return new Config(0, 256L << 20, Duration.ofMinutes(5), List.of(), 20, Duration.ofSeconds(60));
    }

    /** The worker count to use on this machine. */
    public int effectiveJobs() {
        return jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
    }
}
