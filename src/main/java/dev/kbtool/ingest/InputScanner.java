package dev.kbtool.ingest;

import dev.kbtool.convert.Converters;
import dev.kbtool.failure.IoFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands the paths given to {@code kb add} into files, in a stable order (sorted by path)
 * so output, logs and names are the same on every run. Folders are walked recursively;
 * hidden files and folders and ignored paths are left out silently, while every other entry
 * that is not added ends with a reason: files of unsupported types and links that leave the
 * folder are skipped (shown with -v), broken links are skipped, unreadable files and folders
 * fail — and the walk goes on. A single unsupported file named explicitly is a failure. Symbolic
 * links are followed only to targets inside the folder being walked, and each real folder is
 * visited once, so a link can neither leave the tree nor make a loop. The folders a knowledge
 * base keeps for itself ({@code raw/}, {@code wiki/}) are never walked into: kb never adds a
 * knowledge base's own pages, its own or another's.
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

    /**
     * What a scan found.
     *
     * @param files    the files to add
     * @param problems every other entry, failed or skipped, with its reason
     * @param ignored  hidden and ignored entries, left out without a word
     */
    public record Scan(List<InputFile> files, List<AddOutcome> problems, int ignored) {
    }

    public Scan scan(List<Path> inputs) {
        return scan(inputs, Scope.ALL);
    }

    /**
     * Which part of the folders to look at: a watcher that saw a few paths change reads only
     * those, and the folders on the way to them for their {@code .kbignore} rules.
     */
    public interface Scope {
        Scope ALL = entry -> true;

        /** The paths given and everything under them. */
        static Scope of(Collection<Path> paths) {
            List<Path> within = List.copyOf(paths);
            return entry -> within.stream().anyMatch(p -> p.startsWith(entry) || entry.startsWith(p));
        }

        /** Whether the walk looks at this entry: it is inside the scope, or a folder on the way to it. */
        boolean covers(Path entry);
    }

    /** {@link #scan(List)} looking only at what {@code scope} covers of the folders given. */
    public Scan scan(List<Path> inputs, Scope scope) {
        List<InputFile> files = new ArrayList<>();
        List<AddOutcome> problems = new ArrayList<>();
        int[] ignored = {0};
        Set<Path> seen = new HashSet<>();
        for (Path input : inputs) {
            Path abs = cwd.resolve(input).toAbsolutePath().normalize();
            String shown = input.toString();
            if (!Files.exists(abs)) {
                problems.add(AddOutcome.failed(shown, AddOutcome.Failure.UNREADABLE,
                        Files.isSymbolicLink(abs) ? "broken link" : "no such file or directory"));
            } else if (Files.isDirectory(abs)) {
                Optional<Path> kb = KnowledgeBases.owning(abs);
                if (kb.isPresent()) {
                    problems.add(AddOutcome.skipped(shown, null, "part of the knowledge base " + kb.get()
                            + "; kb never adds a knowledge base's own pages"));
                    continue;
                }
                List<InputFile> found = new ArrayList<>();
                Path root;
                try {
                    root = abs.toRealPath();
                } catch (IOException e) {
                    problems.add(AddOutcome.failed(shown, AddOutcome.Failure.UNREADABLE, IoFailures.whatHappened(e)));
                    continue;
                }
                walk(abs, root, rulesIn(abs, IgnoreRules.of(abs, configIgnore), problems), new HashSet<>(), found,
                        problems, ignored, scope);
                found.sort((a, b) -> a.path().compareTo(b.path()));
                for (InputFile f : found) {
                    if (seen.add(f.path())) {
                        files.add(f);
                    }
                }
            } else if (!Files.isReadable(abs)) {
                problems.add(AddOutcome.failed(shown, AddOutcome.Failure.UNREADABLE, "permission denied"));
            } else if (converters.forFile(abs).isEmpty()) {
                problems.add(AddOutcome.failed(shown, AddOutcome.Failure.BAD_DATA, "unsupported file type '."
                        + Converters.extension(abs) + "'; kb reads " + String.join(", ",
                        converters.extensions().stream().map(e -> "." + e).toList())));
            } else if (KnowledgeBases.owning(abs).isPresent()) {
                problems.add(AddOutcome.skipped(shown, null, "part of the knowledge base "
                        + KnowledgeBases.owning(abs).get() + "; kb never adds a knowledge base's own pages"));
            } else if (seen.add(abs)) {
                try {
                    files.add(InputFile.scanned(abs, display(abs)));
                } catch (IOException e) {
                    problems.add(AddOutcome.failed(shown, AddOutcome.Failure.UNREADABLE, IoFailures.whatHappened(e)));
                }
            }
        }
        return new Scan(files, problems, ignored[0]);
    }

    private void walk(Path dir, Path root, IgnoreRules rules, Set<Path> visited, List<InputFile> out,
            List<AddOutcome> problems, int[] ignored, Scope scope) {
        List<Path> entries;
        try {
            if (!visited.add(dir.toRealPath())) {
                return;
            }
            try (Stream<Path> list = Files.list(dir)) {
                entries = list.sorted().toList();
            }
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            problems.add(AddOutcome.failed(display(dir), AddOutcome.Failure.UNREADABLE, IoFailures.whatHappened(io)));
            return;
        }
        boolean kbRoot = KnowledgeBases.isRoot(dir);
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".") || !scope.covers(entry)) {
                continue;
            }
            if (kbRoot && KnowledgeBases.OWN_FOLDERS.contains(name)) {
                problems.add(AddOutcome.leftOut(display(entry), "a knowledge base's own pages; kb never adds them"));
                continue;
            }
            Path real;
            try {
                real = entry.toRealPath();
            } catch (IOException dangling) {
                problems.add(AddOutcome.skipped(display(entry), null, Files.isSymbolicLink(entry)
                        ? "broken link" : "vanished while the folder was read"));
                continue;
            }
            if (Files.isSymbolicLink(entry) && !real.startsWith(root)) {
                problems.add(AddOutcome.leftOut(display(entry), "a link to " + real + ", outside the folder"));
                continue;
            }
            boolean directory = Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS);
            if (rules.ignores(entry, directory)) {
                ignored[0]++;
                continue;
            }
            if (directory && KnowledgeBases.isRoot(entry)) {
                problems.add(AddOutcome.leftOut(display(entry), "a knowledge base of its own (it holds .kb/); "
                        + "kb never adds a knowledge base's pages"));
            } else if (directory) {
                walk(entry, root, rulesIn(entry, rules, problems), visited, out, problems, ignored, scope);
            } else if (!Files.isRegularFile(real)) {
                problems.add(AddOutcome.leftOut(display(entry), "not a regular file"));
            } else if (converters.forFile(entry).isEmpty()) {
                problems.add(AddOutcome.leftOut(display(entry), "unsupported file type"));
            } else if (!Files.isReadable(real)) {
                problems.add(AddOutcome.failed(display(entry), AddOutcome.Failure.UNREADABLE, "permission denied"));
            } else {
                try {
                    out.add(InputFile.scanned(entry, display(entry)));
                } catch (IOException e) {
                    problems.add(AddOutcome.failed(display(entry), AddOutcome.Failure.UNREADABLE,
                            IoFailures.whatHappened(e)));
                }
            }
        }
    }

    /** The rules with the folder's .kbignore; an unreadable one is reported and the walk goes on without it. */
    private IgnoreRules rulesIn(Path dir, IgnoreRules rules, List<AddOutcome> problems) {
        try {
            return rules.withFileIn(dir);
        } catch (IOException e) {
            problems.add(AddOutcome.failed(display(dir.resolve(".kbignore")), AddOutcome.Failure.UNREADABLE,
                    IoFailures.whatHappened(e)));
            return rules;
        }
    }

    private String display(Path abs) {
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
