package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.render.Frontmatter;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Kb kb;
    Path root;

    @BeforeEach
    void init() {
        kb = new Kb(tmp).env("KB_DIR", "kb");
        assertThat(kb.run("init", "kb").code()).isZero();
        root = tmp.resolve("kb");
    }

    @Test
    void addsMarkdownAndTextFromAFolderWithRawSourceSummaryAndCatalogRow() throws Exception {
        Fixtures.write(tmp.resolve("docs/intro.md"), "# Introduction\n\nKb compiles documents. It is fast.\n");
        Fixtures.write(tmp.resolve("docs/sub/notes.txt"), "Plain notes about testing.\nSecond line.\n");

        Kb.Result r = kb.run("add", "docs");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("added 2, updated 0, skipped 0, failed 0");
        assertThat(root.resolve("raw/intro.md")).hasSameTextualContentAs(tmp.resolve("docs/intro.md"));
        assertThat(root.resolve("raw/notes.txt")).isRegularFile();
        assertThat(Fixtures.read(root.resolve("wiki/sources/intro.md"))).contains("Kb compiles documents.");
        Frontmatter.Parsed summary = Frontmatter.parse(Fixtures.read(root.resolve("wiki/summaries/intro.md")));
        assertThat(summary.text("type")).contains("Summary");
        assertThat(summary.text("description")).contains("Kb compiles documents.");
        assertThat(summary.body()).contains("# Introduction", "[[sources/intro|intro.md]]");
        assertThat(Fixtures.read(root.resolve("wiki/index.md"))).contains("[[summaries/intro|Introduction]]", "[[summaries/notes|notes]]");
        assertThat(Fixtures.read(root.resolve("wiki/log.md"))).contains("add | intro.md", "add | notes.txt");

        JsonNode status = JSON.readTree(kb.run("status", "--json").out());
        assertThat(status.get("documents").asInt()).isEqualTo(2);
        assertThat(status.at("/pages/summaries").asInt()).isEqualTo(2);
        assertThat(status.at("/last_change/operation").asText()).isEqualTo("add");
    }

    @Test
    void aTerminalGetsABarRedrawnInPlaceButADumbOneGetsPlainLines() throws Exception {
        Fixtures.write(tmp.resolve("docs/a.md"), "Alpha text.\n");
        Fixtures.write(tmp.resolve("docs/b.md"), "Beta text.\n");
        Fixtures.write(tmp.resolve("more/c.md"), "Gamma text.\n");
        Fixtures.write(tmp.resolve("more/d.md"), "Delta text.\n");

        Kb.Result bar = kb.atTerminal("add", "docs");
        Kb.Result dumb = kb.env("TERM", "dumb").atTerminal("add", "more");

        assertThat(bar.err()).contains("\r[", "2/2", "files/s", "\u001b[K").doesNotContain("added   docs/a.md");
        assertThat(dumb.err()).doesNotContain("\u001b", "\r").contains("added   more/c.md -> c", "added   more/d.md -> d");
    }

    @Test
    void aReportThatCannotBeWrittenStopsTheAddBeforeItStarts() throws Exception {
        Fixtures.write(tmp.resolve("docs/a.md"), "Alpha text.\n");
        Fixtures.write(tmp.resolve("not-a-dir"), "a file");

        Kb.Result r = kb.run("add", "--report", "not-a-dir/report.jsonl", "docs");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("kb: cannot write the --report file: " + tmp.resolve("not-a-dir")
                + ": not a directory");
        assertThat(JSON.readTree(kb.run("status", "--json").out()).get("documents").asInt()).isZero();
    }

    @Test
    void filesWithNoTextAreSkippedNotAddedAsEmptyDocuments() throws Exception {
        Fixtures.write(tmp.resolve("docs/empty.txt"), "");
        Fixtures.write(tmp.resolve("docs/blank.md"), "---\ntitle: Template\n---\n\n   \n![](pic.png)\n");
        Fixtures.write(tmp.resolve("docs/real.md"), "---\ntitle: Real\n---\nOne line of text.\n");

        Kb.Result r = kb.run("add", "docs");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("added 1, updated 0, skipped 2, failed 0");
        assertThat(r.err()).contains("skipped docs/blank.md (empty: no text to add)",
                "skipped docs/empty.txt (empty: no text to add)");
        assertThat(JSON.readTree(kb.run("status", "--json").out()).get("documents").asInt()).isEqualTo(1);
        assertThat(kb.run("add", "docs/empty.txt").code()).isZero();
    }

    @Test
    void addingTheSameFolderTwiceAddsNothingTheSecondTime() throws Exception {
        Fixtures.write(tmp.resolve("docs/a.md"), "Alpha text.\n");
        Fixtures.write(tmp.resolve("docs/b.md"), "Beta text.\n");
        kb.run("add", "docs");
        String indexBefore = Fixtures.read(root.resolve("wiki/index.md"));
        String logBefore = Fixtures.read(root.resolve("wiki/log.md"));

        Kb.Result again = kb.run("add", "docs");

        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("added 0, updated 0, skipped 2, failed 0");
        assertThat(again.err()).contains("already in the knowledge base as a");
        assertThat(Fixtures.read(root.resolve("wiki/index.md"))).isEqualTo(indexBefore);
        assertThat(Fixtures.read(root.resolve("wiki/log.md"))).isEqualTo(logBefore);
        assertThat(JSON.readTree(kb.run("status", "--json").out()).get("documents").asInt()).isEqualTo(2);
    }

    @Test
    void sameStemFromDifferentFoldersGetsAHashSuffixAndSameContentIsSkipped() throws Exception {
        Fixtures.write(tmp.resolve("x/notes.md"), "First notes.\n");
        Fixtures.write(tmp.resolve("y/notes.md"), "Second notes.\n");
        Fixtures.write(tmp.resolve("z/copy.md"), "First notes.\n");

        Kb.Result r = kb.run("--json", "add", "x", "y", "z");

        List<JsonNode> lines = r.out().lines().map(this::json).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("doc").asText()).isEqualTo("notes");
        assertThat(lines.get(1).get("doc").asText()).matches("notes-[0-9a-f]{8}");
        assertThat(lines.get(2).get("status").asText()).isEqualTo("skipped");
        assertThat(lines.get(2).get("reason").asText()).isEqualTo("same content as x/notes.md earlier in this batch");
        assertThat(lines.get(3).get("summary").asBoolean()).isTrue();
        assertThat(lines.get(3).get("added").asInt()).isEqualTo(2);
        assertThat(lines.get(0).has("milliseconds")).isTrue();
    }

    @Test
    void aChangedFileAddedAgainFromTheSamePlaceReplacesItsDocument() throws Exception {
        Path file = Fixtures.write(tmp.resolve("d/plan.md"), "Old plan.\n");
        kb.run("add", "d");
        Fixtures.write(file, "New plan with changes.\n");

        Kb.Result r = kb.run("add", "d/plan.md");

        assertThat(r.code()).isZero();
        assertThat(Fixtures.read(root.resolve("wiki/sources/plan.md"))).contains("New plan");
        assertThat(Fixtures.read(root.resolve("raw/plan.md"))).contains("New plan");
        assertThat(JSON.readTree(kb.run("status", "--json").out()).get("documents").asInt()).isEqualTo(1);
    }

    @Test
    void hiddenFilesAndUnsupportedTypesInFoldersAreLeftOut() {
        Fixtures.write(tmp.resolve("d/.secret.md"), "hidden");
        Fixtures.write(tmp.resolve("d/.git/x.md"), "hidden");
        Fixtures.write(tmp.resolve("d/image.bmp"), "binary");
        Fixtures.write(tmp.resolve("d/ok.md"), "Visible.");

        Kb.Result r = kb.run("add", "d");

        assertThat(r.out()).contains("added 1, updated 0, skipped 0, failed 0");
    }

    @Test
    void aMissingOnlyFileExits66AndAnUnsupportedOneExits65() {
        Fixtures.write(tmp.resolve("pic.bmp"), "x");

        Kb.Result missing = kb.run("add", "nope.md");
        Kb.Result unsupported = kb.run("add", "pic.bmp");

        assertThat(missing.code()).isEqualTo(66);
        assertThat(missing.err()).contains("nope.md", "no such file");
        assertThat(unsupported.code()).isEqualTo(65);
        assertThat(unsupported.err()).contains("unsupported file type '.bmp'", ".md");
    }

    @Test
    void aBatchWithSomeFailuresExits3AndKeepsTheGoodFiles() {
        Fixtures.write(tmp.resolve("good.md"), "Good.");
        Fixtures.write(tmp.resolve("bad.txt"), "");
        writeBytes(tmp.resolve("bad.txt"), new byte[] {(byte) 0xC3, (byte) 0x28, 'a'});

        Kb.Result r = kb.run("add", "good.md", "bad.txt", "missing.md");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("added 1, updated 0, skipped 0, failed 2");
        assertThat(r.err()).contains("bad.txt: not valid UTF-8", "missing.md: no such file");
        assertThat(root.resolve("wiki/summaries/good.md")).exists();
        assertThat(root.resolve("wiki/summaries/bad.md")).doesNotExist();
    }

    @Test
    void aFileOverTheSizeCapFailsWithAClearReason() {
        Fixtures.write(root.resolve(".kb/config.yaml"), "max_file_size: 10\n");
        Fixtures.write(tmp.resolve("big.md"), "This is more than ten bytes.");

        Kb.Result r = kb.run("add", "big.md");

        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err()).contains("larger than max_file_size");
    }

    @Test
    void quietPrintsNothingOnSuccess() {
        Fixtures.write(tmp.resolve("a.md"), "A.");

        Kb.Result r = kb.run("-q", "add", "a.md");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void reportFileHoldsTheSameJsonLinesAsJsonOutput() throws Exception {
        Fixtures.write(tmp.resolve("d/a.md"), "A.");
        Fixtures.write(tmp.resolve("d/b.md"), "B.");

        Kb.Result r = kb.run("--json", "add", "--jobs", "2", "--report", "out/report.jsonl", "d");

        List<String> report = Files.readAllLines(tmp.resolve("out/report.jsonl"));
        List<String> stdout = r.out().lines().toList();
        assertThat(report).hasSize(3);
        assertThat(report.stream().map(l -> json(l).path("path").asText()).toList())
                .isEqualTo(stdout.stream().map(l -> json(l).path("path").asText()).toList());
        assertThat(json(report.get(2)).get("summary").asBoolean()).isTrue();
        assertThat(json(report.get(0)).get("stages").has("lock_wait")).isTrue();
    }

    @Test
    void reportInsideTheKbIsRefused() {
        Fixtures.write(tmp.resolve("d/a.md"), "A.");

        Kb.Result r = kb.run("add", "--report", "kb/wiki/report.jsonl", "d");

        assertThat(r.code()).isEqualTo(2);
        assertThat(root.resolve("wiki/report.jsonl")).doesNotExist();
    }

    @Test
    void dryRunSaysWhatWouldHappenAndChangesNothing() {
        Fixtures.write(tmp.resolve("d/a.md"), "A.");
        kb.run("add", "d/a.md");
        Fixtures.write(tmp.resolve("d/b.md"), "B.");
        String index = Fixtures.read(root.resolve("wiki/index.md"));

        Kb.Result r = kb.run("add", "--dry-run", "d");

        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("would skip d/a.md (already in the knowledge base as a)", "would add d/b.md");
        assertThat(r.out()).contains("dry run: would add 1, update 0, skip 1, fail 0");
        assertThat(root.resolve("wiki/summaries/b.md")).doesNotExist();
        assertThat(Fixtures.read(root.resolve("wiki/index.md"))).isEqualTo(index);
    }

    @Test
    void doubleVerboseShowsStageTimings() {
        Fixtures.write(tmp.resolve("d/a.md"), "A.");

        Kb.Result r = kb.run("-vv", "add", "d");

        assertThat(r.err()).contains("hash ", "prepare ", "lock wait ", "commit ").contains("stages (sum over files");
    }

    @Test
    void badJobsIsAUsageError() {
        assertThat(kb.run("add", "--jobs", "-1", "x.md").code()).isEqualTo(2);
        assertThat(kb.run("add", "--jobs", "513", "x.md").code()).isEqualTo(2);
    }

    private JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static void writeBytes(Path p, byte[] bytes) {
        try {
            Files.write(p, bytes);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
