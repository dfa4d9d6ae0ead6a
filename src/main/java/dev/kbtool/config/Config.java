package dev.kbtool.config;

import com.fasterxml.jackson.databind.JsonNode;
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
 * @param compiler      {@code offline} (default) or {@code llm}
 * @param maxConcepts   concepts taken per document
 * @param maxEntities   entities taken per document
 * @param pageContributions contributions a concept or entity page shows in full
 * @param pageLinks     further contributing documents a page links to
 * @param denseSearch   whether search and query also rank passages by meaning (dense retrieval)
 * @param llm           the {@code llm:} section as written, read by the LLM compiler; null when absent
 */
public record Config(
        int jobs,
        long maxFileSize,
        Duration fileTimeout,
        List<String> ignore,
        int longDocPages,
        Duration lockTimeout,
        String compiler,
        int maxConcepts,
        int maxEntities,
        int pageContributions,
        int pageLinks,
        boolean denseSearch,
        JsonNode llm) {

    public Config {
        ignore = List.copyOf(ignore);
    }

    public static Config defaults() {
        return new Config(0, 256L << 20, Duration.ofMinutes(5), List.of(), 20, Duration.ofSeconds(60), "offline",
                10, 10, 12, 50, true, null);
    }

    public boolean usesLlm() {
        return "llm".equals(compiler);
    }

    /** The worker count to use on this machine. */
    public int effectiveJobs() {
        return jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
    }
}
