package dev.kbtool.session;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.catalog.Catalog;
import dev.kbtool.compile.select.Compilers;
import dev.kbtool.config.ConfigLoader;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.fs.AtomicFiles;
import dev.kbtool.fs.FileTrees;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.render.IndexPages;
import dev.kbtool.render.LogEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates a knowledge base. The {@code .kb/} folder that makes a directory a KB is built
 * under a temporary name and renamed into place last, so an interrupted init leaves no
 * half-made KB behind, and running init again finishes the job.
 */
public final class KbInitializer {
    private static final String INIT_PREFIX = ".kb.init-";
    private KbInitializer() {
    }

    /**
     * Creates a knowledge base as {@code kb init} does: {@code settings} (dotted keys) validated
     * like the config file, including the {@code llm:} section, then an empty index and a log
     * that starts with its creation.
     */
    public static KbLayout create(Path dir, Map<String, String> settings) {
        ObjectNode tree = ConfigLoader.withOverrides(JsonNodeFactory.instance.objectNode(), settings, "--set");
        Compilers.llmSettings(ConfigLoader.parse(ConfigLoader.toYaml(tree), "--set"), "--set");
        Map<String, String> pages = new LinkedHashMap<>(IndexPages.render(new IndexPages.Input(List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of())));
        pages.put(LogEntry.PATH, LogEntry.HEADER + LogEntry.render(Instant.now(), "init", "knowledge base created"));
        return init(dir, settings, pages);
    }

    /**
     * @param settings config keys to set, validated before anything is written
     * @param pages    initial wiki pages (path inside the KB to content), written only where absent
     */
    public static KbLayout init(Path dir, Map<String, String> settings, Map<String, String> pages) {
        KbLayout layout = new KbLayout(dir);
        // Anything at .kb stops init, not only a knowledge base: the final rename would replace it.
        if (Files.exists(layout.state())) {
            throw new KbException(ExitCode.FAILURE, layout.root() + " is already a knowledge base (it has .kb/); nothing"
                    + " changed: init does not change an existing one's settings, edit " + layout.relative(layout.configFile()));
        }
        if (Files.exists(layout.root()) && !Files.isDirectory(layout.root())) {
            throw new KbException(ExitCode.NO_INPUT, layout.root() + " exists and is not a directory");
        }
        for (Path up = layout.root().toAbsolutePath().normalize().getParent(); up != null; up = up.getParent()) {
            if (new KbLayout(up).exists()) {
                // Its pages would be another KB's input, and that KB's vault would hold this one's.
                throw new KbException(ExitCode.FAILURE, layout.root() + " is inside the knowledge base " + up
                        + "; create this one in a folder outside it");
            }
        }
        String configYaml = configText(settings, layout.configFile().toString());
        try {
            for (Path d : List.of(layout.raw(), layout.images(), layout.summaries(), layout.concepts(), layout.entities())) {
                AtomicFiles.createDirectories(d);
            }
            writeIfAbsent(layout.agentsFile(), resource("AGENTS.md"));
            for (Map.Entry<String, String> page : pages.entrySet()) {
                writeIfAbsent(layout.resolveInside(page.getKey()), page.getValue());
            }
            removeUnfinishedInits(layout.root());
            Path building = layout.root().resolve(INIT_PREFIX + UUID.randomUUID().toString().substring(0, 8));
            AtomicFiles.createDirectories(building);
            try {
                for (String sub : List.of("journal", "backup", "staging", "quarantine")) {
                    Files.createDirectory(building.resolve(sub));
                }
                AtomicFiles.writeString(building.resolve("config.yaml"), configYaml);
                Catalog.open(building.resolve("kb.db")).close();
                Files.move(building, layout.state(), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                FileTrees.deleteRecursively(building);
                throw e;
            }
            AtomicFiles.fsyncDirectory(layout.root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return layout;
    }

    private static String configText(Map<String, String> settings, String origin) {
        ObjectNode tree = ConfigLoader.withOverrides(JsonNodeFactory.instance.objectNode(), settings, origin);
        StringBuilder sb = new StringBuilder();
        sb.append("# kb configuration. Every key is optional and has a default;\n");
        sb.append("# config.yaml.example in the kb repository documents them all.\n");
        if (!tree.isEmpty()) {
            sb.append(ConfigLoader.toYaml(tree));
        }
        return sb.toString();
    }

    /** A previous init that died before its final rename left its half-built state folder behind. */
    private static void removeUnfinishedInits(Path root) throws IOException {
        try (var entries = Files.newDirectoryStream(root, INIT_PREFIX + "*")) {
            for (Path leftover : entries) {
                FileTrees.deleteRecursively(leftover);
            }
        }
    }

    private static void writeIfAbsent(Path file, String content) throws IOException {
        if (!Files.exists(file)) {
            AtomicFiles.writeString(file, content);
        }
    }

    static String resource(String name) {
        try (InputStream in = KbInitializer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
