package dev.kbtool.layout;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where everything of one knowledge base lives on disk. Paths only; nothing here touches
 * the file system, so the layout can be used before a KB exists.
 */
public record KbLayout(Path root) {
    public static final String STATE_DIR = ".kb";

    public KbLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path raw() { return root.resolve("raw"); }
    public Path wiki() { return root.resolve("wiki"); }
    public Path sources() { return wiki().resolve("sources"); }
    public Path images() { return sources().resolve("images"); }
    public Path summaries() { return wiki().resolve("summaries"); }
    public Path concepts() { return wiki().resolve("concepts"); }
    public Path entities() { return wiki().resolve("entities"); }
    public Path agentsFile() { return wiki().resolve("AGENTS.md"); }
    public Path indexFile() { return wiki().resolve("index.md"); }
    public Path logFile() { return wiki().resolve("log.md"); }

    public Path state() { return root.resolve(STATE_DIR); }

    /** A directory is a knowledge base exactly when it holds the state folder, made last by init. */
    public boolean exists() { return Files.isDirectory(state()); }
    public Path configFile() { return state().resolve("config.yaml"); }
    public Path catalogFile() { return state().resolve("kb.db"); }
    public Path lockFile() { return state().resolve("lock"); }
    public Path journals() { return state().resolve("journal"); }
    public Path backups() { return state().resolve("backup"); }
    public Path staging() { return state().resolve("staging"); }
    public Path quarantine() { return state().resolve("quarantine"); }

    /** The path relative to the KB root with forward slashes, as stored in the catalog. */
    public String relative(Path path) {
        return root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /**
     * Resolves a KB-relative path and refuses anything that would land outside the KB, so
     * a crafted name can never make kb write elsewhere.
     */
    public Path resolveInside(String relativePath) {
        Path resolved = root.resolve(relativePath).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new KbException(ExitCode.FAILURE, "refusing path outside the knowledge base: " + relativePath);
        }
        return resolved;
    }
}
