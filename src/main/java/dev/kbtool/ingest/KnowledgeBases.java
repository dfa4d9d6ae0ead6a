package dev.kbtool.ingest;

import dev.kbtool.layout.KbLayout;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Where knowledge bases are, so that kb never adds a knowledge base's own pages as documents. */
public final class KnowledgeBases {
    /** The folders a knowledge base keeps for itself beside {@code .kb/}. */
    public static final Set<String> OWN_FOLDERS = Set.of("raw", "wiki");

    private KnowledgeBases() {
    }

    /** Whether {@code dir} is a knowledge base's root (it holds {@code .kb/}). */
    public static boolean isRoot(Path dir) {
        return new KbLayout(dir).exists();
    }

    /** The knowledge base whose own folders ({@code raw/}, {@code wiki/}, {@code .kb/}) hold {@code path}. */
    public static Optional<Path> owning(Path path) {
        for (Path p = path; p != null && p.getParent() != null; p = p.getParent()) {
            String name = p.getFileName().toString();
            if ((OWN_FOLDERS.contains(name) || name.equals(".kb")) && isRoot(p.getParent())) {
                return Optional.of(p.getParent());
            }
        }
        return Optional.empty();
    }
}
