package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.catalog.Catalog;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a script can rely on from a batch: every entry ends added, updated, skipped or failed with
 * its reason; one rule for the exit code; a file that failed before and did not change is
 * skipped, not failed again; a dry run says what the real run would do.
 */
class BatchContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Not a PDF at all: what a web page saved under the wrong name looks like. */
    private static final String HTML_AS_PDF = "<!DOCTYPE html><html><body>Not a PDF</body></html>";

    @TempDir
    Path tmp;
    Kb kb;

    @BeforeEach
    void init() {
        kb = new Kb(tmp).env("KB_DIR", "kb");
        assertThat(kb.run("init", "kb").code()).isZero();
    }

    @Test
    void nothingFailedIsZeroSomeFailedIsThreeAllBadIsSixtyFiveAllMissingIsSixtySix() {
        Fixtures.write(tmp.resolve("good.md"), "# Good\n\nA good note.\n");
        Fixtures.write(tmp.resolve("bad.pdf"), HTML_AS_PDF);
        Fixtures.write(tmp.resolve("worse.pdf"), "plain words");

        assertThat(kb.run("add", "good.md").code()).isZero();
        assertThat(kb.run("add", "--retry-failed", "good.md", "bad.pdf").code()).isEqualTo(3);
        assertThat(kb.run("add", "--retry-failed", "bad.pdf", "worse.pdf").code()).as("two files, both bad").isEqualTo(65);
        assertThat(kb.run("add", "missing.md", "gone.md").code()).as("every path missing").isEqualTo(66);
        assertThat(kb.run("add", "--retry-failed", "bad.pdf", "missing.md").code())
                .as("nothing added, not all of it missing").isEqualTo(65);
    }

    @Test
    void aFileThatFailedBeforeAndDidNotChangeIsSkippedUntilRetried() {
        Fixtures.write(tmp.resolve("in/good.md"), "# Good\n\nA good note.\n");
        Fixtures.write(tmp.resolve("in/bad.pdf"), HTML_AS_PDF);

        Kb.Result first = kb.run("add", "in");
        Kb.Result nightly = kb.run("--json", "add", "in");
        Kb.Result retried = kb.run("add", "--retry-failed", "in");

        assertThat(first.code()).as(first.toString()).isEqualTo(3);
        assertThat(nightly.code()).as("an unchanged failure is not news\n" + nightly).isZero();
        assertThat(nightly.out()).contains("\"status\":\"skipped\"", "failed before: not a PDF");
        assertThat(retried.code()).as(retried.toString()).isEqualTo(3);
        assertThat(retried.err()).contains("failed  in/bad.pdf: not a PDF");
    }

    @Test
    void theJsonSummarySaysTheExitCode() throws Exception {
        Fixtures.write(tmp.resolve("good.md"), "# Good\n\nA good note.\n");
        Fixtures.write(tmp.resolve("bad.pdf"), HTML_AS_PDF);

        Kb.Result r = kb.run("--json", "add", "good.md", "bad.pdf");

        List<String> lines = r.out().strip().lines().toList();
        JsonNode summary = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(summary.path("exit_code").asInt()).isEqualTo(r.code()).isEqualTo(3);
        assertThat(summary.path("added").asInt()).isEqualTo(1);
        assertThat(summary.path("failed").asInt()).isEqualTo(1);
    }

    @Test
    void aChangedFileAddedAgainIsUpdated() throws Exception {
        Path note = Fixtures.write(tmp.resolve("in/note.md"), "# Note\n\nThe first version.\n");
        kb.run("add", "in");
        Files.writeString(note, "# Note\n\nThe second version, changed.\n");

        Kb.Result r = kb.run("--json", "add", "in");

        assertThat(r.out()).contains("\"status\":\"updated\"", "\"updated\":1");
        try (Catalog catalog = Catalog.open(new KbLayout(tmp.resolve("kb")).catalogFile())) {
            assertThat(catalog.documentCount()).isEqualTo(1);
        }
    }

    @Test
    void aDryRunMakesTheCheapChecksTheRealRunWould() {
        Fixtures.write(tmp.resolve("in/ok.md"), "# Fine\n\nA fine note.\n");
        Fixtures.write(tmp.resolve("in/empty.md"), "---\ntitle: Template\n---\n\n");
        Fixtures.write(tmp.resolve("in/page.pdf"), HTML_AS_PDF);
        writeBytes(tmp.resolve("in/binary.md"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});

        Kb.Result dry = kb.run("add", "--dry-run", "in");
        Kb.Result real = kb.run("add", "in");

        assertThat(dry.err()).contains("would add in/ok.md", "would skip in/empty.md (empty",
                "would fail in/page.pdf: not a PDF", "would fail in/binary.md: binary data");
        assertThat(real.err()).contains("added   in/ok.md", "skipped in/empty.md (empty",
                "failed  in/page.pdf: not a PDF", "failed  in/binary.md: binary data");
        assertThat(dry.code()).isEqualTo(real.code()).isEqualTo(3);
    }

    @Test
    void entriesLeftOutAreNamedWithVerboseAndInJson() throws Exception {
        Fixtures.write(tmp.resolve("in/note.md"), "# Note\n\nA note.\n");
        Fixtures.write(tmp.resolve("in/photo.jpg"), "jpeg");
        Fixtures.write(tmp.resolve("outside.md"), "# Outside\n\nNot in the folder.\n");
        Files.createSymbolicLink(tmp.resolve("in/link.md"), tmp.resolve("outside.md"));
        Files.createSymbolicLink(tmp.resolve("in/dangling.md"), tmp.resolve("nowhere.md"));

        Kb.Result plain = kb.run("add", "in");
        Kb.Result verbose = kb.run("-v", "add", "in");
        Kb.Result json = kb.run("--json", "add", "in");

        assertThat(plain.err()).doesNotContain("photo.jpg").doesNotContain("outside the folder")
                .contains("skipped in/dangling.md (broken link)");
        assertThat(verbose.err()).contains("in/photo.jpg (unsupported file type)", "in/link.md (a link to",
                "outside the folder");
        List<String> statuses = new ArrayList<>();
        for (String line : json.out().strip().lines().toList()) {
            JsonNode n = JSON.readTree(line);
            if (n.has("path")) {
                statuses.add(n.path("path").asText() + "=" + n.path("status").asText());
            }
        }
        assertThat(statuses).contains("in/photo.jpg=skipped", "in/link.md=skipped", "in/dangling.md=skipped",
                "in/note.md=skipped");
        assertThat(plain.code()).isZero();
    }

    @Test
    void aKnowledgeBaseNeverAddsItsOwnPagesNorAnotherOnes() throws Exception {
        Path notes = tmp.resolve("notes");
        Fixtures.write(notes.resolve("idea.md"), "# Idea\n\nAn idea worth keeping.\n");
        Kb here = new Kb(notes);
        assertThat(here.run("init").code()).isZero();
        // Another knowledge base, made elsewhere and moved in (kb init refuses to make one inside).
        assertThat(new Kb(tmp).run("init", "other").code()).isZero();
        Fixtures.write(tmp.resolve("other/placeholder.md"), "# Placeholder\n\nA note in a folder.\n");
        Files.createDirectories(notes.resolve("nested"));
        Files.move(tmp.resolve("other"), notes.resolve("nested/other"));

        Kb.Result first = here.run("-v", "add", ".");
        Kb.Result second = here.run("add", ".");

        assertThat(first.out()).as(first.toString()).contains("added 1,");
        assertThat(first.err()).contains("nested/other", "a knowledge base of its own");
        assertThat(second.out()).as(second.toString()).contains("added 0, updated 0");
        assertThat(here.run("list").out()).contains("idea").doesNotContain("placeholder", "index", "agents", "log");
    }

    @Test
    void initRefusesToMakeAKnowledgeBaseInsideAnother() {
        Kb.Result r = kb.run("init", "kb/wiki/inner");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("is inside the knowledge base");
        assertThat(tmp.resolve("kb/wiki/inner")).doesNotExist();
    }

    @Test
    void listShowsWhereEachDocumentCameFrom() {
        Fixtures.write(tmp.resolve("a/Readme.md"), "# A\n\nThe first readme.\n");
        Fixtures.write(tmp.resolve("b/README.md"), "# B\n\nThe second readme.\n");
        kb.run("add", "a", "b");

        Kb.Result list = kb.run("list");
        Kb.Result json = kb.run("--json", "list");

        assertThat(list.out()).contains("ORIGIN", "a/Readme.md", "b/README.md");
        assertThat(json.out()).contains("\"origin\":\"" + tmp.resolve("a/Readme.md") + "\"");
    }

    @Test
    void aFileNameWithANewlineBreaksNoLinkAndNoLineOfOutput() throws Exception {
        Fixtures.write(tmp.resolve("in/new\nline.md"), "# Odd\n\nA note with an odd name.\n");

        Kb.Result r = kb.run("add", "in");

        assertThat(r.err()).contains("added   in/new\\nline.md -> new-line");
        String summary = Files.readString(tmp.resolve("kb/wiki/summaries/new-line.md"));
        assertThat(summary).contains("[[sources/new-line|new line.md]]");
    }

    @Test
    void anUnknownCommandIsAUsageErrorEvenWithHelpAndAMistypedOneGetsASuggestion() {
        Kb.Result help = kb.run("nosuch", "--help");
        Kb.Result typo = kb.run("lsit");
        Kb.Result option = kb.run("list", "--jsno");

        assertThat(help.code()).isEqualTo(2);
        assertThat(help.err()).contains("nosuch");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("did you mean 'list'");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).contains("did you mean '--json'");
    }

    @Test
    void jobsZeroMeansOnePerCoreAsInTheConfig() {
        Fixtures.write(tmp.resolve("in/a.md"), "# A\n\nA note.\n");

        Kb.Result r = kb.run("--json", "add", "--jobs", "0", "in");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"jobs\":" + Runtime.getRuntime().availableProcessors());
    }

    @Test
    void removeTurnsAHandWrittenLinkToTheRemovedDocumentIntoText() throws Exception {
        Fixtures.write(tmp.resolve("in/alpha.md"), "# Alpha\n\nAlpha explains graphs.\n");
        Fixtures.write(tmp.resolve("in/beta.md"), "# Beta\n\nBeta explains trees.\n");
        kb.run("add", "in");
        Path mine = Fixtures.write(tmp.resolve("kb/wiki/my-notes.md"), "# Mine\n\nSee [[summaries/alpha]] and "
                + "[[summaries/beta|beta]].\n");
        Path edited = tmp.resolve("kb/wiki/summaries/beta.md");
        Files.writeString(edited, Files.readString(edited) + "\nCompare [[summaries/alpha|the alpha note]].\n");

        Kb.Result removed = kb.run("remove", "--yes", "alpha");

        assertThat(removed.code()).as(removed.toString()).isZero();
        assertThat(Files.readString(mine)).contains("See alpha and [[summaries/beta|beta]]");
        assertThat(Files.readString(edited)).contains("Compare the alpha note.");
        assertThat(kb.run("lint").code()).isZero();
        assertThat(kb.run("doctor").code()).isZero();
    }

    @Test
    void theBusyMessageSaysWhenInLocalTimeNotAsAnInstant() {
        dev.kbtool.tx.LockHolder holder = new dev.kbtool.tx.LockHolder(42, "kb add", "2026-12-07T09:57:54.342465715Z");

        assertThat(holder.describe()).matches("pid 42 \\(kb add\\) since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    private static void writeBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
