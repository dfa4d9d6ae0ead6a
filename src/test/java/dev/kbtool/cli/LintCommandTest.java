package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.KbDigest;
import dev.kbtool.testing.ScriptedKb;
import dev.kbtool.text.GeneratedRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
    @TempDir
    Path tmp;
    ScriptedKb scripted;
    Kb kb;

    @BeforeEach
    void setUp() {
        Fixtures.write(tmp.resolve("in/x.md"), "# X\n\nconcept: Graph Theory | X proves a graph theory lemma.\n");
        Fixtures.write(tmp.resolve("in/y.md"), "# Y\n\nconcept: Graph theories | Y surveys graph theories.\n");
        Fixtures.write(tmp.resolve("in/z.md"), "# Z\n\nconcept: Sorting | Z sorts lists.\n");
        scripted = new ScriptedKb(tmp, "kb");
        scripted.add("in");
        kb = new Kb(tmp).env("KB_DIR", scripted.root.toString());
    }

    @Test
    void aFreshKbHasOnlyTheDuplicateTheScriptMade() {
        Kb.Result r = kb.run("lint");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("warning duplicate-concept", "wiki/concepts/graph-theory.md",
                "0 error(s), 1 warning(s)");
    }

    @Test
    void findsEveryPlantedProblem() throws Exception {
        append("wiki/summaries/x.md", "\nSee [[concepts/ghost]].\n");
        Fixtures.write(scripted.file("wiki/concepts/lonely.md"), "---\ntype: \"Concept\"\ndescription: \"Alone.\"\n---\n\n# Lonely\n");
        Fixtures.write(scripted.file("wiki/entities/bare.md"), "---\ntype: \"Person\"\n---\n\n# Bare\n\nSee [[summaries/x]].\n");
        Fixtures.write(scripted.file("raw/stray.txt"), "stray");
        Files.delete(scripted.file("wiki/sources/z.md"));
        Fixtures.write(scripted.file("wiki/index.md"), "hand edited");
        Fixtures.write(scripted.file("wiki/summaries/y.md"), "---\ntype: [broken\n---\n\nbody\n");

        Kb.Result r = kb.run("lint", "--json");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains("{\"severity\":\"error\",\"code\":\"broken-link\",\"path\":\"wiki/summaries/x.md\"")
                .contains("{\"severity\":\"warning\",\"code\":\"orphan-page\",\"path\":\"wiki/concepts/lonely.md\"")
                .contains("{\"severity\":\"warning\",\"code\":\"file-without-document\",\"path\":\"raw/stray.txt\"")
                .contains("{\"severity\":\"error\",\"code\":\"document-file-missing\",\"path\":\"wiki/sources/z.md\"")
                .contains("{\"severity\":\"warning\",\"code\":\"index-out-of-sync\",\"path\":\"wiki/index.md\"")
                .contains("{\"severity\":\"error\",\"code\":\"frontmatter-invalid\",\"path\":\"wiki/summaries/y.md\"")
                .contains("{\"severity\":\"error\",\"code\":\"okf-missing\",\"path\":\"wiki/entities/bare.md\"")
                .contains("\"code\":\"duplicate-concept\"")
                .contains("\"summary\":true");
    }

    @Test
    void fixRepairsTheMechanicalProblemsInOneGo() throws Exception {
        append("wiki/summaries/x.md", "\nSee [[concepts/ghost|a ghost]] and `[[ -f x ]]`.\n");
        Fixtures.write(scripted.file("wiki/index.md"), "hand edited");

        Kb.Result r = kb.run("lint", "--fix");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("fixed: 1 link(s) to missing pages made text, 1 duplicate concept page(s) merged",
                "no problems found");
        assertThat(Fixtures.read(scripted.file("wiki/summaries/x.md"))).contains("See a ghost and `[[ -f x ]]`.");
        assertThat(scripted.file("wiki/concepts/graph-theorie.md")).doesNotExist();
        String kept = Fixtures.read(scripted.file("wiki/concepts/graph-theory.md"));
        assertThat(kept).contains("X proves a graph theory lemma.", "Y surveys graph theories.", "documents: 2");
        assertThat(Fixtures.read(scripted.file("wiki/summaries/y.md"))).contains("[[concepts/graph-theory|")
                .doesNotContain("graph-theorie");
        assertThat(Fixtures.read(scripted.file("wiki/index.md"))).startsWith(GeneratedRegion.BEGIN + "\n# Knowledge Base Index");
        assertThat(kb.run("doctor").out()).contains("healthy");
        assertThat(KbDigest.leftovers(scripted.root)).isEmpty();
    }

    private void append(String rel, String text) throws Exception {
        Files.writeString(scripted.file(rel), Fixtures.read(scripted.file(rel)) + text);
    }
}
