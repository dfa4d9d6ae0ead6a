package dev.kbtool.tx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact set of KB-relative paths a transaction may change, and how. A transaction
 * refuses to touch anything not planned, so its snapshot always covers what it changes,
 * and snapshot cost is proportional to the paths touched, never to the size of the KB.
 */
public final class Plan {
    /** How a planned path may change. */
    public enum Mode {
        /** A single file that may be created, replaced (by rename) or deleted. */
        FILE,
        /** A directory tree whose files may be created, replaced (by rename) or deleted. */
        TREE,
        /** An append-only file: only bytes added at the end. */
        APPEND
    }

    private final Map<String, Mode> paths;

    private Plan(Map<String, Mode> paths) {
        this.paths = Collections.unmodifiableMap(new LinkedHashMap<>(paths));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Mode> paths() {
        return paths;
    }

    /** The mode under which {@code relPath} may be changed, or null when it is not planned. */
    Mode modeFor(String relPath) {
        Mode direct = paths.get(relPath);
        if (direct != null) {
            return direct;
        }
        for (Map.Entry<String, Mode> e : paths.entrySet()) {
            if (e.getValue() == Mode.TREE && relPath.startsWith(e.getKey() + "/")) {
                return Mode.TREE;
            }
        }
        return null;
    }

    /** Collects planned paths; planning the same path twice keeps the first mode. */
    public static final class Builder {
        private final Map<String, Mode> paths = new LinkedHashMap<>();

        public Builder file(String relPath) {
            paths.putIfAbsent(relPath, Mode.FILE);
            return this;
        }

        public Builder tree(String relPath) {
            paths.putIfAbsent(relPath, Mode.TREE);
            return this;
        }

        public Builder append(String relPath) {
            paths.putIfAbsent(relPath, Mode.APPEND);
            return this;
        }

        public Plan build() {
            return new Plan(paths);
        }
    }
}
