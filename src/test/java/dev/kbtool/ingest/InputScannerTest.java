package dev.kbtool.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.convert.Converters;
import dev.kbtool.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputScannerTest {
    @TempDir
    Path tmp;

    @Test
    void walksRecursivelyInPathOrderSkippingHiddenAndUnsupported() {
        Fixtures.write(tmp.resolve("in/b.md"), "b");
        Fixtures.write(tmp.resolve("in/a/z.txt"), "z");
        Fixtures.write(tmp.resolve("in/a-b.md"), "ab");
        Fixtures.write(tmp.resolve("in/.hidden.md"), "h");
        Fixtures.write(tmp.resolve("in/.cache/c.md"), "c");
        Fixtures.write(tmp.resolve("in/pic.bmp"), "p");

        assertThat(names(scan(List.of(), "in"))).containsExactly("in/a-b.md", "in/a/z.txt", "in/b.md");
    }

    @Test
    void ignorePatternsFromConfigAndKbignoreFiles() {
        Fixtures.write(tmp.resolve("in/keep.md"), "k");
        Fixtures.write(tmp.resolve("in/notes.bak.md"), "b");
        Fixtures.write(tmp.resolve("in/drafts/d.md"), "d");
        Fixtures.write(tmp.resolve("in/sub/x.md"), "x");
        Fixtures.write(tmp.resolve("in/sub/y.md"), "y");
        Fixtures.write(tmp.resolve("in/sub/important.md"), "i");
        Fixtures.write(tmp.resolve("in/.kbignore"), "# comment\ndrafts/\n");
        Fixtures.write(tmp.resolve("in/sub/.kbignore"), "*.md\n!important.md\n");

        InputScanner.Scan scan = scan(List.of("*.bak.md"), "in");

        assertThat(names(scan)).containsExactly("in/keep.md", "in/sub/important.md");
        assertThat(scan.ignored()).isEqualTo(4);
    }

    @Test
    void linksAreFollowedOnlyInsideTheTreeAndNeverInALoop() throws Exception {
        Fixtures.write(tmp.resolve("outside/secret.md"), "s");
        Fixtures.write(tmp.resolve("in/real/doc.md"), "d");
        Files.createSymbolicLink(tmp.resolve("in/out-link.md"), tmp.resolve("outside/secret.md"));
        Files.createSymbolicLink(tmp.resolve("in/out-dir"), tmp.resolve("outside"));
        Files.createSymbolicLink(tmp.resolve("in/real/loop"), tmp.resolve("in"));
        Files.createSymbolicLink(tmp.resolve("in/alias.md"), tmp.resolve("in/real/doc.md"));

        assertThat(names(scan(List.of(), "in"))).containsExactly("in/alias.md", "in/real/doc.md");
    }

    @Test
    void explicitFilesAreKeptInTheGivenOrderAndDeduplicated() {
        Fixtures.write(tmp.resolve("b.md"), "b");
        Fixtures.write(tmp.resolve("a.md"), "a");

        InputScanner.Scan scan = new InputScanner(Converters.standard(), tmp, List.of())
                .scan(List.of(Path.of("b.md"), Path.of("a.md"), Path.of("b.md"), Path.of("missing.md")));

        assertThat(names(scan)).containsExactly("b.md", "a.md");
        assertThat(scan.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("no such file"));
    }

    private InputScanner.Scan scan(List<String> ignore, String dir) {
        return new InputScanner(Converters.standard(), tmp, ignore).scan(List.of(Path.of(dir)));
    }

    private static List<String> names(InputScanner.Scan scan) {
        return scan.files().stream().map(InputFile::display).toList();
    }
}
