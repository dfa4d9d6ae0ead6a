package dev.kbtool.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.text.Units;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code .kb/config.yaml}: defaults for every missing key, and a config error (exit 78)
 * that names the offending key for anything unknown or out of range, so a typo never
 * silently falls back to a default.
 */
public final class ConfigLoader {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> KEYS = Set.of(
            "jobs", "max_file_size", "file_timeout", "ignore", "long_doc_pages", "lock_timeout", "compiler",
            "max_concepts", "max_entities", "page_contributions", "page_links", "dense_search", "llm");

    private ConfigLoader() {
    }

    public static Config load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Config.defaults();
        } catch (IOException e) {
            throw new KbException(ExitCode.CONFIG, "cannot read " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static Config parse(String yaml, String origin) {
        JsonNode root;
        try {
            root = yaml.isBlank() ? MissingNode.getInstance() : YAML.readTree(yaml);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new KbException(ExitCode.CONFIG, origin + ": not valid YAML" + where + "; fix the file or start from config.yaml.example");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Config.defaults();
        }
        if (!root.isObject()) {
            throw new KbException(ExitCode.CONFIG, origin + ": expected key: value pairs at the top level");
        }
        return fromTree((ObjectNode) root, origin);
    }

    /** Applies {@code key=value} settings (values parsed as YAML scalars) on top of a config tree and validates the result. */
    public static ObjectNode withOverrides(ObjectNode base, Map<String, String> overrides, String origin) {
        ObjectNode tree = base.deepCopy();
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            JsonNode value;
            try {
                value = YAML.readTree(e.getValue());
            } catch (JacksonException ex) {
                value = JsonNodeFactory.instance.textNode(e.getValue());
            }
            // Dotted keys reach into sections: llm.model=gpt-4o sets model under llm.
            String[] path = e.getKey().split("\\.");
            ObjectNode parent = tree;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = parent.get(path[i]);
                parent = child instanceof ObjectNode o ? o : parent.putObject(path[i]);
            }
            parent.set(path[path.length - 1],
                    value == null || value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value);
        }
        fromTree(tree, origin);
        return tree;
    }

    public static String toYaml(ObjectNode tree) {
        try {
            return YAML.writeValueAsString(tree).replaceFirst("^---\\s*\\n", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Config fromTree(ObjectNode root, String origin) {
        Set<String> unknown = new LinkedHashSet<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!KEYS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new KbException(ExitCode.CONFIG, origin + ": unknown key '" + unknown.iterator().next()
                    + "'; known keys: " + String.join(", ", KEYS.stream().sorted().toList()));
        }
        Config d = Config.defaults();
        Values v = new Values(root, origin);
        JsonNode llm = root.get("llm");
        if (llm != null && !llm.isNull() && !llm.isObject()) {
            throw v.bad("llm", "a section of key: value pairs", llm);
        }
        return new Config(
                v.integer("jobs", d.jobs(), 0, 512),
                v.size("max_file_size", d.maxFileSize()),
                v.duration("file_timeout", d.fileTimeout(), false),
                v.strings("ignore", d.ignore()),
                v.integer("long_doc_pages", d.longDocPages(), 1, 1_000_000),
                v.duration("lock_timeout", d.lockTimeout(), true),
                v.choice("compiler", d.compiler(), "offline", "llm"),
                v.integer("max_concepts", d.maxConcepts(), 0, 100),
                v.integer("max_entities", d.maxEntities(), 0, 100),
                v.integer("page_contributions", d.pageContributions(), 1, 1000),
                v.integer("page_links", d.pageLinks(), 0, 10_000),
                v.bool("dense_search", d.denseSearch()),
                llm == null || llm.isNull() ? null : llm);
    }

    /** Typed reads of one object's keys; every failure names the key and says what was expected. */
    private record Values(ObjectNode node, String origin) {
        int integer(String key, int fallback, int min, int max) {
            JsonNode n = node.get(key);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
                throw bad(key, "a whole number from " + min + " to " + max, n);
            }
            return n.asInt();
        }

        boolean bool(String key, boolean fallback) {
            JsonNode n = node.get(key);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.isBoolean()) {
                throw bad(key, "true or false", n);
            }
            return n.asBoolean();
        }

        long size(String key, long fallback) {
            JsonNode n = node.get(key);
            if (n == null || n.isNull()) {
                return fallback;
            }
            try {
                long bytes = n.isIntegralNumber() ? n.asLong() : Units.parseSize(n.asText());
                if (bytes <= 0 || !(n.isIntegralNumber() || n.isTextual())) {
                    throw new IllegalArgumentException();
                }
                return bytes;
            } catch (IllegalArgumentException e) {
                throw bad(key, "a positive size such as 200MB", n);
            }
        }

        Duration duration(String key, Duration fallback, boolean zeroAllowed) {
            JsonNode n = node.get(key);
            if (n == null || n.isNull()) {
                return fallback;
            }
            try {
                if (!(n.isNumber() || n.isTextual())) {
                    throw new IllegalArgumentException();
                }
                Duration d = Units.parseDuration(n.asText());
                if (d.isNegative() || (!zeroAllowed && d.isZero())) {
                    throw new IllegalArgumentException();
                }
                return d;
            } catch (IllegalArgumentException e) {
                throw bad(key, "a duration such as 30s or 5m", n);
            }
        }

        List<String> strings(String key, List<String> fallback) {
            JsonNode n = node.get(key);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.isArray()) {
                throw bad(key, "a list of strings", n);
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : n) {
                if (!item.isTextual() || item.asText().isBlank()) {
                    throw bad(key, "a list of non-empty strings", n);
                }
                out.add(item.asText());
            }
            return out;
        }

        String choice(String key, String fallback, String... allowed) {
            JsonNode n = node.get(key);
            if (n == null || n.isNull()) {
                return fallback;
            }
            for (String a : allowed) {
                if (n.isTextual() && n.asText().equals(a)) {
                    return a;
                }
            }
            throw bad(key, String.join(" or ", allowed), n);
        }

        KbException bad(String key, String expected, JsonNode got) {
            return new KbException(ExitCode.CONFIG,
                    origin + ": '" + key + "' must be " + expected + ", got " + got.toString());
        }
    }
}
