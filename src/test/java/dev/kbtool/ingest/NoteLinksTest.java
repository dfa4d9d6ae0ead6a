package dev.kbtool.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.Kb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Markdown notes that link each other, added in one batch: both links lead to the other's page. */
class NoteLinksTest {
    @TempDir
    Path tmp;
    Kb kb;
    Path root;

    @BeforeEach
    void setUp() throws Exception {
        kb = new Kb(tmp).env("KB_DIR", tmp.resolve("kb").toString());
        kb.run("init", "kb");
        root = tmp.resolve("kb");
        Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(tmp.resolve("notes/note-007.md"), "# Seven\n\nSee [[note-008]]. Also [[Not In The KB]] and `[[code]]`.\n");
        Files.writeString(tmp.resolve("notes/note-008.md"), "# Eight\n\nBack to [[note-007|the seventh note]] and [[note-007#Seven]].\n");
    }

    @Test
    void notesLinkingEachOtherLinkTheirPagesAndOtherLinksStayAsWritten() throws Exception {
        Kb.Result r = kb.run("add", "notes");
        assertThat(r.code()).as(r.toString()).isZero();

        // note-007 was committed before note-008 existed: its link is pointed at note-008 when that is added.
        assertThat(Files.readString(root.resolve("wiki/sources/note-007.md")))
                .contains("See [[sources/note-008|note-008]].", "[[Not In The KB]]", "`[[code]]`");
        assertThat(Files.readString(root.resolve("wiki/sources/note-008.md")))
                .contains("[[sources/note-007|the seventh note]]", "[[sources/note-007#Seven|note-007]]");
        assertThat(kb.run("lint").out()).contains("no problems found");
        assertThat(kb.run("doctor").code()).isZero();
    }

    @Test
    void removingANoteTurnsTheLinksToItIntoText() throws Exception {
        kb.run("add", "notes");

        assertThat(kb.run("remove", "note-008", "--yes").code()).isZero();

        assertThat(Files.readString(root.resolve("wiki/sources/note-007.md")))
                .contains("See note-008.").doesNotContain("sources/note-008");
        assertThat(kb.run("doctor").code()).isZero();
    }
}
