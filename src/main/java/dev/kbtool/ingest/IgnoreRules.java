package dev.kbtool.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths {@code kb add} leaves out: patterns from config ({@code ignore}) and from
 * {@code .kbignore} files, with a useful subset of {@code .gitignore} semantics — {@code #}
 * comments, {@code !} to re-include, a trailing {@code /} for folders only, patterns without
 * a {@code /} matching a name at any depth, others matching the path from the folder that
 * holds the rule, and {@code *}, {@code ?}, {@code **} globs. The last matching rule wins.
 */
public final class IgnoreRules {
    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = rules;
    }

    public static IgnoreRules none() {
        return new IgnoreRules(List.of());
    }

    /** Rules anchored at {@code base}, one pattern per entry. */
    public static IgnoreRules of(Path base, List<String> patterns) {
        List<Rule> rules = new ArrayList<>();
        for (String p : patterns) {
            Rule r = Rule.parse(base, p);
            if (r != null) {
                rules.add(r);
            }
        }
        return new IgnoreRules(rules);
    }

    /** These rules plus those of {@code dir/.kbignore}, if the folder has one. */
    public IgnoreRules withFileIn(Path dir) throws IOException {
        Path file = dir.resolve(".kbignore");
        if (!Files.isRegularFile(file)) {
            return this;
        }
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(of(dir, Files.readAllLines(file, StandardCharsets.UTF_8)).rules);
        return new IgnoreRules(all);
    }

    public boolean ignores(Path path, boolean directory) {
        boolean ignored = false;
        for (Rule r : rules) {
            if (r.matches(path, directory)) {
                ignored = !r.negated;
            }
        }
        return ignored;
    }

    private record Rule(Path base, PathMatcher matcher, boolean negated, boolean directoryOnly, boolean anchored) {
        static Rule parse(Path base, String line) {
            String p = line.strip();
            if (p.isEmpty() || p.startsWith("#")) {
                return null;
            }
            boolean negated = p.startsWith("!");
            if (negated) {
                p = p.substring(1);
            }
            boolean dirOnly = p.endsWith("/");
            if (dirOnly) {
                p = p.substring(0, p.length() - 1);
            }
            boolean anchored = p.contains("/");
            if (p.startsWith("/")) {
                p = p.substring(1);
            }
            if (p.isEmpty()) {
                return null;
            }
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + p);
            return new Rule(base, m, negated, dirOnly, anchored);
        }

        boolean matches(Path path, boolean directory) {
            if (directoryOnly && !directory) {
                return false;
            }
            if (!path.startsWith(base) || path.equals(base)) {
                return false;
            }
            Path rel = base.relativize(path);
            return anchored ? matcher.matches(rel) : matcher.matches(path.getFileName());
        }
    }
}
