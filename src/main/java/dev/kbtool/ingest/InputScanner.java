package dev.kbtool.ingest;

import dev.kbtool.convert.Converters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the paths given to {@code kb add} into files, in a stable order (sorted by path)
 * so output, logs and names are the same on every run. Hidden files and folders are
 * skipped; files of unsupported types inside folders are skipped silently, while a single
 * unsupported file named explicitly is an error.
 */
public final class InputScanner {
    private final Converters converters;
    private final Path cwd;

    public InputScanner(Converters converters, Path cwd) {
        this.converters = converters;
        this.cwd = cwd;
    }

    /** The files to add plus one failed outcome per path that cannot be used. */
    public record Scan(List<InputFile> files, List<AddOutcome> problems) {
    }

    public Scan scan(List<Path> inputs) {
        List<InputFile> files = new ArrayList<>();
        List<AddOutcome> problems = new ArrayList<>();
        for (Path input : inputs) {
            Path abs = cwd.resolve(input).toAbsolutePath().normalize();
            String shown = input.toString();
            if (!Files.exists(abs)) {
                problems.add(AddOutcome.failed(shown, "no such file or directory"));
            } else if (Files.isDirectory(abs)) {
                files.addAll(walk(abs));
            } else if (!Files.isReadable(abs)) {
                problems.add(AddOutcome.failed(shown, "not readable"));
            } else if (converters.forFile(abs).isEmpty()) {
                problems.add(AddOutcome.failed(shown, "unsupported file type '." + Converters.extension(abs)
                        + "'; kb reads " + String.join(", ", converters.extensions().stream().map(e -> "." + e).toList())));
            } else {
                files.add(new InputFile(abs, display(abs)));
            }
        }
        return new Scan(files, problems);
    }

    private List<InputFile> walk(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !hidden(dir, p))
                    .filter(p -> converters.forFile(p).isPresent())
                    .sorted()
                    .map(p -> new InputFile(p, display(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private String display(Path abs) {
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
