package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path tmp;

    @Test
    void createsTheWholeLayout() {
        Kb.Result r = new Kb(tmp).run("init", "kb1");

        assertThat(r.code()).as(r.toString()).isZero();
        Path kb = tmp.resolve("kb1");
        for (String dir : new String[] {"raw", "wiki/sources/images", "wiki/summaries", "wiki/concepts",
                "wiki/entities", ".kb/journal", ".kb/backup", ".kb/staging", ".kb/quarantine"}) {
            assertThat(kb.resolve(dir)).isDirectory();
        }
        for (String file : new String[] {"wiki/AGENTS.md", "wiki/index.md", "wiki/log.md", ".kb/config.yaml", ".kb/kb.db"}) {
            assertThat(kb.resolve(file)).isRegularFile();
        }
        assertThat(Fixtures.read(kb.resolve("wiki/index.md"))).contains("## Documents", "## Concepts", "## Entities");
        assertThat(Fixtures.read(kb.resolve("wiki/log.md"))).startsWith("# Operations Log").contains("init |");
        assertThat(r.out().strip()).isEqualTo("Created knowledge base in " + kb);
        assertThat(r.err().strip()).as("advice, on stderr, runnable from here").isEqualTo("Next: kb --kb kb1 add PATH...");
    }

    @Test
    void theNextCommandIsShownAsThisPersonRunsKb() throws Exception {
        // Two knowledge bases side by side: kb init refuses to make one inside another.
        Path here = Files.createDirectories(tmp.resolve("here"));
        Kb.Result inside = new Kb(here).env("KB_PROGRAM", "./kb").run("init");
        Kb.Result spaced = new Kb(tmp).env("KB_PROGRAM", "./kb").run("init", "my notes");
        Kb.Result usage = new Kb(here).env("KB_PROGRAM", "./kb").run("add");
        Kb.Result missing = new Kb(tmp.resolve("my notes/raw")).env("KB_PROGRAM", "./kb").run("--kb", "nowhere", "list");
        Kb.Result empty = new Kb(here).env("KB_PROGRAM", "./kb").run("list");

        assertThat(inside.err().strip()).isEqualTo("Next: ./kb add PATH...");
        assertThat(spaced.err().strip()).isEqualTo("Next: ./kb --kb 'my notes' add PATH...");
        assertThat(usage.err()).contains("(see './kb add --help')");
        assertThat(missing.err()).contains("create one with './kb init ");
        assertThat(empty.err()).contains("add some with './kb add PATH'");
    }

    @Test
    void initInTheCurrentFolderWhenNoDirIsGiven() {
        Kb.Result r = new Kb(tmp).run("init");

        assertThat(r.code()).isZero();
        assertThat(tmp.resolve(".kb/kb.db")).isRegularFile();
    }

    @Test
    void initOnAnExistingKnowledgeBaseWithNothingToSetIsNothingToDo() throws Exception {
        Kb kb = new Kb(tmp);
        kb.run("init", "kb1");
        Fixtures.write(tmp.resolve("kb1/wiki/index.md"), "my index");
        String before = snapshot(tmp.resolve("kb1"));

        Kb.Result again = kb.run("init", "kb1");
        Kb.Result json = kb.run("--json", "init", "kb1");

        assertThat(again.code()).isZero();
        assertThat(again.err()).isEmpty();
        assertThat(again.out().strip()).isEqualTo(tmp.resolve("kb1") + " is already a knowledge base; nothing to do");
        assertThat(json.code()).isZero();
        assertThat(json.out()).contains("\"status\":\"exists\"");
        assertThat(snapshot(tmp.resolve("kb1"))).isEqualTo(before);
    }

    @Test
    void settingsForAnExistingKbAreAnErrorThatChangesNothing() throws Exception {
        Kb kb = new Kb(tmp);
        kb.run("init", "kb1");
        Path config = tmp.resolve("kb1/.kb/config.yaml");
        Fixtures.write(config, "jobs: 3\n");
        Fixtures.write(tmp.resolve("kb1/wiki/index.md"), "my index");
        String before = snapshot(tmp.resolve("kb1"));

        Kb.Result r = kb.run("init", "kb1", "--set", "jobs=5");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("kb: ").contains("already a knowledge base").doesNotContain("\n");
        assertThat(snapshot(tmp.resolve("kb1"))).isEqualTo(before);
    }

    @Test
    void settingsAreWrittenToConfigAndValidatedFirst() {
        Kb kb = new Kb(tmp);

        Kb.Result bad = kb.run("init", "bad", "--set", "jobs=many");
        Kb.Result unknown = kb.run("init", "bad", "--set", "jbos=2");
        Kb.Result good = kb.run("init", "good", "--set", "jobs=3", "--set", "ignore=[\"*.tmp\"]");

        assertThat(bad.code()).isEqualTo(78);
        assertThat(bad.err()).contains("'jobs'");
        assertThat(unknown.code()).isEqualTo(78);
        assertThat(unknown.err()).contains("unknown key 'jbos'");
        assertThat(tmp.resolve("bad/.kb")).doesNotExist();
        assertThat(good.code()).isZero();
        assertThat(Fixtures.read(tmp.resolve("good/.kb/config.yaml"))).contains("jobs: 3", "*.tmp");
        assertThat(new Kb(tmp).run("--kb", "good", "status").code()).isZero();
    }

    @Test
    void dottedSettingsReachIntoTheLlmSectionAndAreValidatedToo() {
        Kb kb = new Kb(tmp);

        Kb.Result missingModel = kb.run("init", "a", "--set", "compiler=llm");
        Kb.Result good = kb.run("init", "b", "--set", "compiler=llm", "--set", "llm.model=small",
                "--set", "llm.base_url=http://localhost:11434/v1");

        assertThat(missingModel.code()).isEqualTo(78);
        assertThat(missingModel.err()).contains("llm.model");
        assertThat(tmp.resolve("a/.kb")).doesNotExist();
        assertThat(good.code()).as(good.toString()).isZero();
        assertThat(Fixtures.read(tmp.resolve("b/.kb/config.yaml"))).contains("\ncompiler: llm\n", "\nllm:\n  model: small\n");
        assertThat(new Kb(tmp).run("--kb", "b", "status").code()).isZero();
    }

    @Test
    void jsonOutputNamesTheKb() {
        Kb.Result r = new Kb(tmp).run("--json", "init", "kb1");

        assertThat(r.out().strip()).isEqualTo("{\"summary\":true,\"kb\":\"" + tmp.resolve("kb1")
                + "\",\"status\":\"created\"}");
    }

    @Test
    void aLeftoverOfAnInterruptedInitIsCleanedUp() {
        Fixtures.write(tmp.resolve("kb1/.kb.init-deadbeef/config.yaml"), "half");

        Kb.Result r = new Kb(tmp).run("init", "kb1");

        assertThat(r.code()).isZero();
        assertThat(tmp.resolve("kb1/.kb.init-deadbeef")).doesNotExist();
        assertThat(tmp.resolve("kb1/.kb/kb.db")).isRegularFile();
    }

    private static String snapshot(Path root) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted().toList()) {
                sb.append(root.relativize(p));
                if (Files.isRegularFile(p)) {
                    sb.append(' ').append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
