package dev.kbtool.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {
    @TempDir
    Path tmp;
    Kb kb;
    Path root;

    @BeforeEach
    void setUp() {
        kb = new Kb(tmp).env("KB_DIR", tmp.resolve("kb").toString());
        kb.run("init", "kb");
        root = tmp.resolve("kb");
        Fixtures.write(tmp.resolve("docs/a.md"), "# A\n\nAlpha document.\n");
        Fixtures.write(tmp.resolve("docs/b.md"), "# B\n\nBeta document.\n");
        kb.run("add", "docs");
    }

    @Test
    void aFreshKbIsHealthy() {
        Kb.Result r = kb.run("doctor");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("healthy");
    }

    @Test
    void anIndexARunningBatchWillRenderIsNotReportedButOneLeftByADeadOneIs() throws Exception {
        // A batch in the middle: its commit is in, its index refresh comes at its end.
        dev.kbtool.testing.ScriptedKb.existing(tmp, root).removeWithoutIndexRefresh("b");
        Process running = new ProcessBuilder("sleep", "30").start();
        try {
            Fixtures.setViewsCommitter(root.resolve(".kb/kb.db"), running.pid() + " "
                    + running.info().startInstant().map(java.time.Instant::toString).orElse("-"));
            Kb.Result during = kb.run("--json", "doctor");
            assertThat(during.out()).as(during.toString()).doesNotContain("index-out-of-sync");
        } finally {
            running.destroyForcibly().waitFor();
        }

        Kb.Result after = kb.run("--json", "doctor");

        assertThat(after.out()).as("the batch died before rendering it").contains("index-out-of-sync");
    }

    @Test
    void reportsEachPlantedProblemWithItsCode() throws Exception {
        Files.delete(root.resolve("wiki/sources/b.md"));
        Fixtures.write(root.resolve("raw/stray.pdf"), "stray");
        Fixtures.write(root.resolve("wiki/summaries/.a.md.kbtmp-1234"), "half");
        Fixtures.write(root.resolve(".kb/.lock.holder.kbtmp-5678"), "{\"pid\":");
        Fixtures.write(root.resolve("wiki/summaries/a.md"), "---\ntype: [unclosed\n---\n\nbody\n");
        Fixtures.write(root.resolve("wiki/index.md"), "hand edited");
        Fixtures.write(root.resolve(".kb/backup/0123456789abcdef0123456789abcdef/wiki/x.md"), "orphan");
        Fixtures.write(root.resolve(".kb/staging/4242-00000000/1-x/raw.md"), "stale");
        Files.createFile(root.resolve(".kb/staging/4242-00000000.lease"));
        Fixtures.write(root.resolve("wiki/summaries/b.md"), Fixtures.read(root.resolve("wiki/summaries/b.md"))
                + "\nSee [[concepts/nowhere]] and [[summaries/a]] and `[[ -f x ]]`.\n");

        Kb.Result r = kb.run("doctor", "--json");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("\"healthy\":false")
                .contains("\"code\":\"document-file-missing\",\"path\":\"wiki/sources/b.md\"")
                .contains("\"code\":\"file-without-document\",\"path\":\"raw/stray.pdf\"")
                .contains("\"code\":\"temp-file\",\"path\":\"wiki/summaries/.a.md.kbtmp-1234\"")
                .contains("\"code\":\"temp-file\",\"path\":\".kb/.lock.holder.kbtmp-5678\"")
                .contains("\"code\":\"frontmatter-invalid\",\"path\":\"wiki/summaries/a.md\"")
                .contains("\"code\":\"index-out-of-sync\"")
                .contains("\"code\":\"backup-orphaned\"")
                .contains("\"code\":\"staging-stale\"")
                .contains("\"code\":\"broken-link\",\"path\":\"wiki/summaries/b.md\",\"message\":\"links to [[concepts/nowhere]]")
                .doesNotContain("[[summaries/a]], which").doesNotContain("-f x");
    }

    @Test
    void repairFixesWhatIsMechanicalAndReportsTheRest() throws Exception {
        Fixtures.write(root.resolve("wiki/summaries/.a.md.kbtmp-1234"), "half");
        Fixtures.write(root.resolve(".kb/.lock.holder.kbtmp-5678"), "{\"pid\":");
        Fixtures.write(root.resolve("wiki/index.md"), "hand edited");
        Fixtures.write(root.resolve(".kb/backup/0123456789abcdef0123456789abcdef/wiki/x.md"), "orphan");
        Fixtures.write(root.resolve(".kb/staging/4242-00000000/1-x/raw.md"), "stale");
        Files.createFile(root.resolve(".kb/staging/4242-00000000.lease"));
        Files.delete(root.resolve("wiki/sources/b.md"));

        Kb.Result r = kb.run("doctor", "--repair");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("document-file-missing").doesNotContain("temp-file")
                .doesNotContain("index-out-of-sync").doesNotContain("backup-orphaned").doesNotContain("staging-stale");
        assertThat(root.resolve(".kb/backup")).isEmptyDirectory();
        assertThat(root.resolve(".kb/staging")).isEmptyDirectory();
        assertThat(root.resolve(".kb/.lock.holder.kbtmp-5678")).doesNotExist();
    }
}
