package dev.kbtool.ingest;

import dev.kbtool.convert.Converters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands the paths given to {@code kb add} into files, in a stable order (sorted by path)
 * so output, logs and names are the same on every run. Folders are walked recursively;
 * hidden files and folders, ignored paths and files of unsupported types are left out,
 * while a single unsupported file named explicitly is an error. Symbolic links are followed
 * only to targets inside the folder being walked, and each real folder is visited once, so
 * a link can neither leave the tree nor make a loop.
 */
public final class InputScanner {
    private final Converters converters;
    private final Path cwd;
    private final List<String> configIgnore;

    public InputScanner(Converters converters, Path cwd, List<String> configIgnore) {
        this.converters = converters;
        this.cwd = cwd;
        this.configIgnore = List.copyOf(configIgnore);
    }

    /** The files to add, one failed outcome per path that cannot be used, and how many were left out. */
    public record Scan(List<InputFile> files, List<AddOutcome> problems, int ignored) {
    }

    public Scan scan(List<Path> inputs) {
        List<InputFile> files = new ArrayList<>();
        List<AddOutcome> problems = new ArrayList<>();
        int[] ignored = {0};
        Set<Path> seen = new HashSet<>();
        for (Path input : inputs) {
            Path abs = cwd.resolve(input).toAbsolutePath().normalize();
            String shown = input.toString();
            if (!Files.exists(abs)) {
                problems.add(AddOutcome.failed(shown, "no such file or directory"));
            } else if (Files.isDirectory(abs)) {
                try {
                    Path root = abs.toRealPath();
                    List<InputFile> found = new ArrayList<>();
                    walk(abs, root, IgnoreRules.of(abs, configIgnore).withFileIn(abs), new HashSet<>(), found, ignored);
                    found.sort((a, b) -> a.path().compareTo(b.path()));
                    for (InputFile f : found) {
                        if (seen.add(f.path())) {
                            files.add(f);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (!Files.isReadable(abs)) {
                problems.add(AddOutcome.failed(shown, "not readable"));
            } else if (converters.forFile(abs).isEmpty()) {
                problems.add(AddOutcome.failed(shown, "unsupported file type '." + Converters.extension(abs)
                        + "'; kb reads " + String.join(", ", converters.extensions().stream().map(e -> "." + e).toList())));
            } else if (seen.add(abs)) {
                try {
                    files.add(InputFile.scanned(abs, display(abs)));
                } catch (IOException e) {
                    problems.add(AddOutcome.failed(shown, "not readable"));
                }
            }
        }
        return new Scan(files, problems, ignored[0]);
    }

    private void walk(Path dir, Path root, IgnoreRules rules, Set<Path> visited, List<InputFile> out, int[] ignored)
            throws IOException {
        if (!visited.add(dir.toRealPath())) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            if (entry.getFileName().toString().startsWith(".")) {
                continue;
            }
            Path real;
            try {
                real = entry.toRealPath();
            } catch (IOException dangling) {
                continue;
            }
            if (Files.isSymbolicLink(entry) && !real.startsWith(root)) {
                ignored[0]++;
                continue;
            }
            boolean directory = Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS);
            if (rules.ignores(entry, directory)) {
                ignored[0]++;
                continue;
            }
            if (directory) {
                walk(entry, root, rules.withFileIn(entry), visited, out, ignored);
            } else if (Files.isRegularFile(real) && converters.forFile(entry).isPresent()) {
                out.add(InputFile.scanned(entry, display(entry)));
            }
        }
    }

    private String display(Path abs) {
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
