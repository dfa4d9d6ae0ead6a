package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbDigest;
import dev.kbtool.testing.ScriptedKb;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecompileCommandTest {
    @TempDir
    Path tmp;
    ScriptedKb scripted;
    Kb kb;

    @BeforeEach
    void setUp() {
        Fixtures.write(tmp.resolve("in/alpha.md"), "# Alpha\n\nAlpha explains how recompiling keeps sources.\n"
                + "concept: Scripted Idea | Only the scripted compiler sees this.\n");
        Fixtures.write(tmp.resolve("in/beta.md"), "# Beta\n\nBeta is a second note with its own sentence.\n");
        scripted = new ScriptedKb(tmp, "kb");
        scripted.add("in");
        kb = new Kb(tmp).env("KB_DIR", scripted.root.toString());
    }

    @Test
    void recompilingWithAnotherCompilerChangesPagesButNeverRawOrSources() {
        TreeMap<String, String> before = KbDigest.of(scripted.root);

        Kb.Result r = kb.run("recompile", "--all", "--yes");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("recompiled 2, failed 0");
        TreeMap<String, String> after = KbDigest.of(scripted.root);
        assertThat(only(after, "raw/", "wiki/sources/")).isEqualTo(only(before, "raw/", "wiki/sources/"));
        assertThat(after.get("wiki/summaries/alpha.md")).isNotEqualTo(before.get("wiki/summaries/alpha.md"));
        assertThat(Fixtures.read(scripted.file("wiki/summaries/alpha.md")))
                .contains("Alpha explains how recompiling keeps sources.");
        assertThat(scripted.file("wiki/concepts/scripted-idea.md")).doesNotExist();
        assertThat(Fixtures.read(scripted.file("wiki/log.md"))).contains("recompile | alpha.md");
        assertThat(kb.run("doctor").out()).contains("healthy");
        assertThat(KbDigest.leftovers(scripted.root)).isEmpty();
    }

    @Test
    void oneDocumentByNameAndDryRun() {
        TreeMap<String, String> before = KbDigest.of(scripted.root);

        Kb.Result dry = kb.run("recompile", "--dry-run", "beta");
        assertThat(KbDigest.of(scripted.root)).isEqualTo(before);
        Kb.Result one = kb.run("recompile", "beta");

        assertThat(dry.out()).contains("would recompile beta (beta.md) with the offline compiler");
        assertThat(one.code()).isZero();
        assertThat(KbDigest.of(scripted.root).get("wiki/summaries/alpha.md")).isEqualTo(before.get("wiki/summaries/alpha.md"));
    }

    @Test
    void usage() {
        assertThat(kb.run("recompile").code()).isEqualTo(2);
        assertThat(kb.run("recompile", "--all", "beta").code()).isEqualTo(2);
        Kb.Result noYes = kb.run("recompile", "--all");
        assertThat(noYes.code()).isEqualTo(2);
        assertThat(noYes.err()).contains("--yes");
    }

    private static Map<String, String> only(TreeMap<String, String> digest, String... prefixes) {
        TreeMap<String, String> out = new TreeMap<>();
        digest.forEach((k, v) -> {
            for (String p : prefixes) {
                if (k.startsWith(p)) {
                    out.put(k, v);
                }
            }
        });
        return out;
    }
}
