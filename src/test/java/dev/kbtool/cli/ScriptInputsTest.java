package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kb add fed by a script: a list of paths on stdin or in a file, one per line or NUL-separated. */
class ScriptInputsTest {
    @TempDir
    Path tmp;
    Kb kb;

    @BeforeEach
    void init() {
        kb = new Kb(tmp);
        kb.run("init", "k");
        kb = kb.env("KB_DIR", tmp.resolve("k").toString());
    }

    @Test
    void fromFileDashReadsOnePathPerLineKeepingSpaces() throws Exception {
        Fixtures.write(tmp.resolve("in/my notes.md"), "# Notes\n\nNotes with a space in the name.\n");
        Fixtures.write(tmp.resolve("in/ leading space.md"), "# Leading\n\nA name that starts with a space.\n");
        Fixtures.write(tmp.resolve("in/plain.md"), "# Plain\n\nA plain name.\n");

        Kb.Result r = kb.answering("in/my notes.md\r\nin/ leading space.md\n\nin/plain.md\n", "add", "--from-file", "-");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("added   in/my notes.md -> my-notes", "added   in/ leading space.md -> leading-space",
                "added   in/plain.md -> plain", "added 3, updated 0, skipped 0, failed 0");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void nullSeparatedListsCarryPathsWithNewlines() {
        Fixtures.write(tmp.resolve("in/two\nlines.md"), "# Two\n\nA name with a newline.\n");
        Fixtures.write(tmp.resolve("in/a b.md"), "# AB\n\nA name with a space.\n");

        Kb.Result r = kb.answering("in/two\nlines.md\0in/a b.md\0", "add", "--null", "-");
        Kb.Result lines = kb.answering("in/two\nlines.md\n", "--json", "add", "--from-file", "-");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("added   in/two\\nlines.md -> two-lines", "added   in/a b.md -> a-b");
        assertThat(lines.code()).as("without --null the newline splits the name: both halves are missing")
                .isEqualTo(66);
    }

    @Test
    void aListFileAddsToTheArgumentsAndAnEmptyListIsNothingToDo() throws Exception {
        Fixtures.write(tmp.resolve("in/one.md"), "# One\n\nThe first.\n");
        Fixtures.write(tmp.resolve("in/two.md"), "# Two\n\nThe second.\n");
        Fixtures.write(tmp.resolve("list.txt"), "in/two.md\n");
        Fixtures.write(tmp.resolve("empty.txt"), "");

        Kb.Result r = kb.run("--json", "add", "in/one.md", "--from-file", "list.txt");
        Kb.Result empty = kb.run("add", "--from-file", "empty.txt");
        Kb.Result missing = kb.run("add", "--from-file", "nope.txt");
        Kb.Result none = kb.run("add");

        assertThat(r.code()).isZero();
        var summary = new ObjectMapper().readTree(r.out().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(summary.get("added").asInt()).isEqualTo(2);
        assertThat(empty.code()).isZero();
        assertThat(empty.err()).contains("the list of paths is empty");
        assertThat(empty.out()).contains("added 0");
        assertThat(missing.code()).isEqualTo(66);
        assertThat(missing.err()).contains("nope.txt").hasLineCount(1);
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--from-file");
    }
}
