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
    void runAfterACommandDiedBeforeItsIndexRefreshItRendersTheIndexThoughItsDocumentIsGone() throws Exception {
        scripted.removeWithoutIndexRefresh("alpha");

        Kb.Result r = kb.run("recompile", "alpha");

        assertThat(r.code()).as(r.toString()).isEqualTo(66);
        assertThat(Fixtures.read(scripted.file("wiki/index.md"))).doesNotContain("summaries/alpha")
                .contains("summaries/beta");
        assertThat(kb.run("doctor").code()).isZero();
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
        TreeMap<String, String> after = KbDigest.of(scripted.root);
        assertThat(after.get("wiki/summaries/alpha.md")).isEqualTo(before.get("wiki/summaries/alpha.md"));
        assertThat(after.get("wiki/summaries/beta.md")).isNotEqualTo(before.get("wiki/summaries/beta.md"));
    }

    @Test
    void recompilingAfterAConfigChangeFollowsTheNewConfig() throws Exception {
        Fixtures.write(tmp.resolve("notes/graphs.md"), """
                # Graph colouring

                Graph colouring assigns a colour to every vertex of a graph. A proper colouring gives adjacent vertices
                different colours. The chromatic number of a graph is the least number of colours a proper colouring needs.
                The four colour theorem says that every planar graph has a proper colouring with four colours.
                Planar graphs are graphs drawn in the plane without crossing edges. Greedy colouring visits the vertices
                in order and gives each vertex the first colour its neighbours do not use. Greedy colouring can need more
                colours than the chromatic number. Register allocation in compilers uses graph colouring of an
                interference graph, where each vertex is a variable and each colour a register.
                """);
        Path root = tmp.resolve("plain");
        Kb plain = new Kb(tmp).env("KB_DIR", root.toString());
        assertThat(plain.run("init", "plain").code()).isZero();
        assertThat(plain.run("add", "notes").code()).isZero();
        long conceptsBefore = count(root.resolve("wiki/concepts"));
        TreeMap<String, String> before = KbDigest.of(root);

        java.nio.file.Files.writeString(root.resolve(".kb/config.yaml"), "max_concepts: 1\nmax_entities: 0\n");
        Kb.Result r = plain.run("recompile", "--all", "--yes");

        assertThat(r.code()).as(r.toString()).isZero();
        TreeMap<String, String> after = KbDigest.of(root);
        assertThat(conceptsBefore).as("the fixture must give several concepts").isGreaterThan(1);
        assertThat(count(root.resolve("wiki/concepts"))).isEqualTo(1);
        assertThat(only(after, "raw/", "wiki/sources/")).isEqualTo(only(before, "raw/", "wiki/sources/"));
        assertThat(after.get("wiki/summaries/graphs.md")).isNotEqualTo(before.get("wiki/summaries/graphs.md"));
        assertThat(plain.run("doctor").out()).contains("healthy");
    }

    private static long count(Path dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".md")).count();
        }
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
