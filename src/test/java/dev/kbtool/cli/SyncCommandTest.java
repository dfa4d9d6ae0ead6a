package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kb sync makes the knowledge base mirror folders: new files added, changed ones updated, gone
 * ones removed, renamed ones moved with their pages, unchanged ones not read again; a second run
 * changes nothing; a missing folder removes nothing; kb add never removes.
 */
class SyncCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path notes;
    Kb kb;

    @BeforeEach
    void setUp() {
        notes = tmp.resolve("notes");
        Fixtures.write(notes.resolve("rivers.md"), "# Rivers\n\nRivers carry water from the hills to the sea.\n");
        Fixtures.write(notes.resolve("bridges.md"), "# Bridges\n\nBridges cross rivers where the banks are firm.\n");
        Fixtures.write(notes.resolve("old/mills.md"), "# Mills\n\nWater mills turn where rivers fall.\n");
        kb = new Kb(tmp).env("KB_DIR", tmp.resolve("kb").toString());
        assertThat(kb.run("init", "kb").code()).isZero();
    }

    @Test
    void mirrorsAFolderAndASecondRunChangesNothing() throws Exception {
        Kb.Result first = kb.run("sync", "notes");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("added 3, updated 0, moved 0, removed 0");

        Files.writeString(notes.resolve("rivers.md"), "# Rivers\n\nRivers carry water and silt to the sea.\n");
        Files.move(notes.resolve("old/mills.md"), notes.resolve("mills-renamed.md"));
        Files.delete(notes.resolve("bridges.md"));
        Fixtures.write(notes.resolve("ferries.md"), "# Ferries\n\nFerries cross where no bridge stands.\n");
        String summaryBefore = Files.readString(tmp.resolve("kb/wiki/summaries/mills.md"));

        Kb.Result second = kb.run("--json", "sync", "notes");

        assertThat(second.code()).as(second.toString()).isZero();
        List<JsonNode> lines = jsonLines(second.out());
        assertThat(lines).extracting(l -> l.path("status").asText() + " " + l.path("doc").asText())
                .contains("moved mills", "removed bridges", "updated rivers", "added ferries");
        JsonNode summary = lines.get(lines.size() - 1);
        assertThat(summary.path("unchanged").asInt()).isZero();
        assertThat(summary.path("exit_code").asInt()).isZero();
        String summaryAfter = Files.readString(tmp.resolve("kb/wiki/summaries/mills.md"));
        assertThat(summaryAfter).as("a moved document keeps its pages, with the new place recorded")
                .contains("origin: \"" + notes.resolve("mills-renamed.md") + "\"", "source_file: \"mills-renamed.md\"")
                .contains(summaryBefore.substring(summaryBefore.indexOf("# Mills")));
        assertThat(tmp.resolve("kb/wiki/summaries/bridges.md")).doesNotExist();
        assertThat(tmp.resolve("kb/raw/bridges.md")).doesNotExist();
        assertThat(kb.run("list").out()).contains("notes/mills-renamed.md", "notes/ferries.md")
                .doesNotContain("bridges");

        var digest = KbDigest.of(tmp.resolve("kb"));
        Kb.Result third = kb.run("sync", "notes");
        assertThat(third.code()).isZero();
        assertThat(third.out()).contains("added 0, updated 0, moved 0, removed 0, skipped 0, failed 0; 3 unchanged");
        assertThat(KbDigest.of(tmp.resolve("kb"))).as("a sync with nothing to do writes nothing").isEqualTo(digest);
        assertThat(kb.run("doctor").code()).isZero();
    }

    @Test
    void aFileWhoseSizeAndTimeAreAsRecordedIsNotReadAgain() throws Exception {
        assertThat(kb.run("sync", "notes").code()).isZero();
        Path rivers = notes.resolve("rivers.md");
        FileTime time = Files.getLastModifiedTime(rivers);
        String text = Files.readString(rivers);
        // Same size, same time, other bytes: only a read would tell.
        Files.writeString(rivers, text.replace("hills", "HILLS"));
        Files.setLastModifiedTime(rivers, time);

        Kb.Result unchanged = kb.run("sync", "notes");
        assertThat(unchanged.out()).contains("updated 0", "3 unchanged");

        Files.setLastModifiedTime(rivers, FileTime.fromMillis(time.toMillis() + 5_000));
        Kb.Result touched = kb.run("sync", "notes");
        assertThat(touched.out()).contains("updated 1", "2 unchanged");
        assertThat(Files.readString(tmp.resolve("kb/wiki/sources/rivers.md"))).contains("HILLS");
    }

    @Test
    void aDryRunSaysWhatWouldHappenAndChangesNothing() throws Exception {
        assertThat(kb.run("sync", "notes").code()).isZero();
        Files.delete(notes.resolve("bridges.md"));
        Fixtures.write(notes.resolve("ferries.md"), "# Ferries\n\nFerries cross where no bridge stands.\n");
        var digest = KbDigest.of(tmp.resolve("kb"));

        Kb.Result dry = kb.run("sync", "--dry-run", "notes");

        assertThat(dry.code()).isZero();
        assertThat(dry.err()).contains("would remove notes/bridges.md -> bridges", "would add notes/ferries.md");
        assertThat(dry.out()).contains("dry run: would add 1, update 0, move 0, remove 1");
        assertThat(KbDigest.of(tmp.resolve("kb"))).isEqualTo(digest);
    }

    @Test
    void aMissingFolderRemovesNothingAndKbAddNeverRemoves() throws Exception {
        assertThat(kb.run("sync", "notes").code()).isZero();
        Path away = tmp.resolve("away");
        Files.move(notes, away);

        Kb.Result missing = kb.run("sync", "notes");

        assertThat(missing.code()).as(missing.toString()).isEqualTo(66);
        assertThat(missing.err()).contains("notes: no such file or directory; nothing added from it is removed");
        assertThat(kb.run("list").out()).contains("rivers", "bridges", "mills");

        Files.move(away, notes);
        Files.delete(notes.resolve("bridges.md"));
        Kb.Result add = kb.run("add", "notes");
        assertThat(add.code()).isZero();
        assertThat(kb.run("list").out()).as("kb add never removes").contains("bridges");
        assertThat(kb.run("sync", "notes").out()).contains("removed 1");
    }

    @Test
    void aChangedFileAddedAgainIsReportedUpdated() throws Exception {
        assertThat(kb.run("add", "notes").code()).isZero();
        Files.writeString(notes.resolve("rivers.md"), "# Rivers\n\nRivers carry silt to the delta.\n");

        Kb.Result again = kb.run("--json", "add", "notes");

        assertThat(jsonLines(again.out())).extracting(l -> l.path("status").asText() + " " + l.path("doc").asText())
                .contains("updated rivers");
        assertThat(jsonLines(again.out()).get(jsonLines(again.out()).size() - 1).path("updated").asInt()).isEqualTo(1);
    }

    @Test
    void aKnowledgeBaseInsideTheFolderIsNeverSynced() throws Exception {
        Kb inside = new Kb(notes);
        assertThat(inside.run("init").code()).isZero();
        Fixtures.write(notes.resolve("kept.md"), "# Kept\n\nA note beside its knowledge base.\n");

        Kb.Result first = inside.run("sync", ".");
        Kb.Result second = inside.run("sync", ".");

        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("added 4,");
        assertThat(second.out()).contains("added 0, updated 0, moved 0, removed 0, skipped 0, failed 0; 4 unchanged");
        assertThat(inside.run("list").out()).doesNotContain("agents", "index", "log");
    }

    private static List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
