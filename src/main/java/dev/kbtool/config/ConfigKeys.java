package dev.kbtool.config;

import java.util.List;
import java.util.Optional;

/**
 * Every setting of {@code .kb/config.yaml}, documented once: {@code kb config} lists them, its
 * help and man page explain them, and {@code kb init} writes them into a new config file as
 * comments. Keys of the {@code llm:} section are dotted ({@code llm.model}). Defaults are
 * written as a person would write them in the file; tests check them against the code's own.
 */
public final class ConfigKeys {
    /**
     * One setting.
     *
     * @param name     the key, dotted for the llm: section
     * @param fallback the default as it would be written in the file; "" when it has none
     * @param help     what it does, one sentence or two
     * @param example  a valid value other than the default
     */
    public record Key(String name, String fallback, String help, String example) {
        /** The key inside its section: {@code model} for {@code llm.model}. */
        public String leaf() {
            return name.substring(name.indexOf('.') + 1);
        }

        public boolean inLlmSection() {
            return name.startsWith("llm.");
        }
    }

    public static final List<Key> ALL = List.of(
            new Key("jobs", "0", "Parallel prepare workers for kb add and kb recompile; 0 means one per CPU core.", "2"),
            new Key("max_file_size", "256MB", "Larger files (and downloads) fail with a reason instead of being read;"
                    + " bytes, or with KB, MB, GB.", "64MB"),
            new Key("file_timeout", "5m", "A file whose download or preparation takes longer fails on its own; the"
                    + " batch goes on. Durations: 500ms, 30s, 5m, 1h.", "90s"),
            new Key("ignore", "[]", "Glob patterns of paths kb add skips in folders, like .gitignore;"
                    + " a .kbignore file in a folder adds more.", "[\"*.bak\", \"drafts/\"]"),
            new Key("long_doc_pages", "20", "Documents with at least this many pages are stored per page with a"
                    + " page tree.", "40"),
            new Key("lock_timeout", "60s", "How long a command waits for a knowledge base another kb process is"
                    + " changing before it exits 75; 0 fails at once. --lock-timeout wins.", "5m"),
            new Key("compiler", "offline", "offline (extractive, no network) or llm (the llm section; see"
                    + " docs/llm.md).", "llm"),
            new Key("max_concepts", "10", "Concepts taken from each document.", "5"),
            new Key("max_entities", "10", "Entities taken from each document.", "5"),
            new Key("page_contributions", "12", "Contributions a concept or entity page shows in full.", "6"),
            new Key("page_links", "50", "Further contributing documents a concept or entity page links to; the"
                    + " rest are counted.", "20"),
            new Key("dense_search", "true", "Search and query also rank passages by meaning (word-piece vectors"
                    + " distilled from all-MiniLM-L6-v2, in kb's jar), fused with the ranking by words; false"
                    + " ranks by words alone.", "false"),
            new Key("llm.provider", "openai", "openai (also Ollama, LM Studio, vLLM, OpenRouter) or anthropic.",
                    "anthropic"),
            new Key("llm.base_url", "", "The server; default by provider (Ollama: http://localhost:11434/v1).",
                    "http://localhost:11434/v1"),
            new Key("llm.model", "", "The model; required when an LLM is configured.", "gpt-4o-mini"),
            new Key("llm.api_key_env", "", "The name of the environment variable holding the API key (never the"
                    + " key); default by provider.", "MY_LLM_KEY"),
            new Key("llm.summarize_model", "", "Model for summaries; empty means llm.model.", "gpt-4o"),
            new Key("llm.extract_model", "", "Model for concepts and entities; empty means llm.model.", "gpt-4o"),
            new Key("llm.merge_model", "", "Model for topic overviews; empty means llm.model.", "gpt-4o"),
            new Key("llm.max_tokens", "4096", "Answer length limit per call.", "2048"),
            new Key("llm.temperature", "0.2", "0 to 2; null leaves it to the server.", "0.5"),
            new Key("llm.stream", "true", "Ask for server-sent events, so gateways' idle timeouts do not cut answers.",
                    "false"),
            new Key("llm.json_mode", "true", "Send response_format json_object (OpenAI-compatible servers).",
                    "false"),
            new Key("llm.connect_timeout", "10s", "To connect to the server.", "5s"),
            new Key("llm.request_timeout", "5m", "One call, from sending to the last byte.", "2m"),
            new Key("llm.idle_timeout", "60s", "A stream silent this long is dropped and retried.", "30s"),
            new Key("llm.document_timeout", "10m", "All calls about one document, waits included.", "20m"),
            new Key("llm.max_retries", "4", "Retries of a call on 429, 5xx and timeouts.", "2"),
            new Key("llm.retry_base_delay", "1s", "Back-off before the first retry.", "2s"),
            new Key("llm.retry_max_delay", "30s", "Longest back-off.", "60s"),
            new Key("llm.max_retry_after", "60s", "Longest Retry-After a server may ask for.", "120s"),
            new Key("llm.max_concurrency", "4", "Calls in flight at once, across all workers.", "8"),
            new Key("llm.chunk_tokens", "6000", "Document text per call; longer documents are read in parts.",
                    "12000"),
            new Key("llm.max_chunks", "12", "Parts read of a long document.", "6"),
            new Key("llm.language", "", "Language of the pages, e.g. English; empty writes each page in its"
                    + " document's language.", "English"),
            new Key("llm.on_unavailable", "fail", "fail (exit 69) or offline (say so once and compile offline).",
                    "offline"));

    private ConfigKeys() {
    }

    public static Optional<Key> find(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /**
     * A new knowledge base's config file: every key as a comment that says what it does and a
     * commented-out line with its default, which {@code kb config set} replaces by the value.
     */
    public static String template() {
        StringBuilder sb = new StringBuilder();
        sb.append("# kb configuration. Every key is optional: a commented-out line shows its default.\n");
        sb.append("# 'kb config' lists the settings in force, 'kb config set KEY VALUE' changes one (checked,\n");
        sb.append("# comments kept), 'kb config --help' and 'man kb-config' explain them all.\n");
        boolean llm = false;
        for (Key k : ALL) {
            if (k.inLlmSection() && !llm) {
                llm = true;
                sb.append("\n# The LLM, used with compiler: llm; llm.model is required then. Set its keys with\n");
                sb.append("# 'kb config set llm.KEY VALUE' (they are written under an llm: line).\n");
            }
            if (!k.inLlmSection()) {
                sb.append("\n");
                for (String line : wrap(k.help(), 88)) {
                    sb.append("# ").append(line).append("\n");
                }
                sb.append("# ").append(k.name()).append(": ").append(k.fallback()).append("\n");
            } else {
                sb.append("#   ").append(k.leaf()).append(":").append(k.fallback().isEmpty() ? "" : " " + k.fallback())
                        .append("  # ").append(k.help()).append("\n");
            }
        }
        return sb.toString();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * The lines of help that document every key, for --help and the man page: the key, then what
     * it does wrapped to 78 columns, continued under itself.
     */
    public static List<String> helpLines() {
        int width = ALL.stream().mapToInt(k -> k.name().length()).max().orElse(10);
        String indent = " ".repeat(width + 4);
        List<String> out = new java.util.ArrayList<>();
        for (Key k : ALL) {
            List<String> text = wrap(k.help() + (k.fallback().isEmpty() ? "" : " Default: " + k.fallback() + "."),
                    78 - indent.length());
            out.add(String.format("  %-" + width + "s  %s", k.name(), text.get(0)));
            text.subList(1, text.size()).forEach(line -> out.add(indent + line));
        }
        return out;
    }
}
