package dev.kbtool.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.Kb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A big plain-text file is a long document made of parts: a readable page with a heading per
 * part, Contents linking to them, per-part search rows. (Its speed is measured by
 * bench/big-text.sh on 30 MB; here a smaller file keeps the suite fast.)
 */
class BigTextTest {
    @TempDir
    Path tmp;

    @Test
    void aBigTextFileBecomesALongDocumentInPartsWithContentsLinks() throws Exception {
        StringBuilder text = new StringBuilder("Release Notes\n\n");
        for (int section = 1; text.length() < 1_500_000; section++) {
            text.append("SECTION ").append(section).append(" CHANGES\n").append("-".repeat(20)).append("\n\n");
            for (int p = 0; p < 40; p++) {
                text.append("Change ").append(p).append(" of section ").append(section)
                        .append(" makes `--option-").append(p).append("` behave as documented, and the command\n")
                        .append("reports what it did in one line instead of three.\n\n");
            }
        }
        text.append("The final paragraph mentions a marmalade hovercraft once.\n");
        Files.writeString(tmp.resolve("notes.txt"), text);
        Kb kb = new Kb(tmp).env("KB_DIR", tmp.resolve("kb").toString());
        kb.run("init", "kb");

        Kb.Result r = kb.run("add", "notes.txt");

        assertThat(r.code()).as(r.toString()).isZero();
        Path root = tmp.resolve("kb");
        String page = Files.readString(root.resolve("wiki/sources/notes.md"));
        String summary = Files.readString(root.resolve("wiki/summaries/notes.md"));
        assertThat(page).contains("###### Part 1\n\nRelease Notes", "###### Part 2\n\nSECTION ", "marmalade hovercraft");
        assertThat(summary).contains("title: \"Release Notes\"", "[[sources/notes#Part 2|SECTION ");
        assertThat(root.resolve("wiki/sources/notes.json")).exists();
        assertThat(kb.run("search", "marmalade hovercraft").out()).contains("notes");
        assertThat(kb.run("doctor").code()).isZero();
    }
}
