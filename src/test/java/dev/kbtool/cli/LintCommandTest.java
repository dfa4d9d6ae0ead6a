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
        assertThat(r.out()).contains("fixed: 0 deleted page(s) re-created, 1 link(s) to missing pages made text,"
                + " 1 duplicate concept page(s) merged",
                "no problems found");
        assertThat(Fixtures.read(scripted.file("wiki/summaries/x.md"))).contains("See a ghost and `[[ -f x ]]`.");
        assertThat(scripted.file("wiki/concepts/graph-theorie.md")).doesNotExist();
        String kept = Fixtures.read(scripted.file("wiki/concepts/graph-theory.md"));
        assertThat(kept).contains("X proves a graph theory lemma.", "Y surveys graph theories.", "documents: 2");
        assertThat(Fixtures.read(scripted.file("wiki/summaries/y.md"))).contains("[[concepts/graph-theory|")
                .doesNotContain("graph-theorie");
        assertThat(Fixtures.read(scripted.file("wiki/index.md"))).startsWith(GeneratedRegion.BEGIN + "\n\n# Knowledge Base Index");
        assertThat(kb.run("doctor").out()).contains("healthy");
        assertThat(KbDigest.leftovers(scripted.root)).isEmpty();
    }

    @Test
    void fixReCreatesADeletedTopicPageAndKeepsEveryLinkToIt() throws Exception {
        Files.delete(scripted.file("wiki/concepts/sorting.md"));
        Kb.Result check = kb.run("lint");
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.out()).contains("links to [[concepts/sorting]], which does not exist;"
                + " kb lint --fix or kb doctor --repair re-creates it");

        Kb.Result r = kb.run("lint", "--fix");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("fixed: 1 deleted page(s) re-created, 0 link(s) to missing pages made text",
                "no problems found");
        assertThat(Fixtures.read(scripted.file("wiki/concepts/sorting.md"))).contains("Z sorts lists.", "documents: 1");
        assertThat(Fixtures.read(scripted.file("wiki/summaries/z.md"))).contains("[[concepts/sorting|");
        assertThat(kb.run("doctor").code()).isZero();
    }

    @Test
    void fixCompilesADeletedSummaryAgainFromItsSourcePage() throws Exception {
        Fixtures.write(tmp.resolve("notes/raft.md"), "# Raft\n\nRaft is a consensus algorithm. Raft elects a leader"
                + " and replicates a log. Leader election uses randomized timeouts.\n");
        Kb plain = new Kb(tmp);
        assertThat(plain.run("init", "offline").code()).isZero();
        Kb offline = plain.env("KB_DIR", tmp.resolve("offline").toString());
        assertThat(offline.run("add", "notes").code()).isZero();
        Path summary = tmp.resolve("offline/wiki/summaries/raft.md");
        String before = Fixtures.read(summary);
        Files.delete(summary);
        assertThat(offline.run("lint").out()).contains("document raft lacks this file;"
                + " kb lint --fix or kb doctor --repair re-creates it");

        Kb.Result r = offline.run("lint", "--fix");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("fixed: 1 deleted page(s) re-created", "no problems found");
        assertThat(Fixtures.read(summary)).isEqualTo(before);
    }

    @Test
    void doctorRepairReCreatesADeletedPage() throws Exception {
        Files.delete(scripted.file("wiki/concepts/sorting.md"));
        assertThat(kb.run("doctor").code()).isEqualTo(1);

        Kb.Result r = kb.run("doctor", "--repair");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("re-created 1 deleted page(s) from the catalog");
        assertThat(Fixtures.read(scripted.file("wiki/concepts/sorting.md"))).contains("Z sorts lists.");
        assertThat(Fixtures.read(scripted.file("wiki/summaries/z.md"))).contains("[[concepts/sorting|");
        assertThat(KbDigest.leftovers(scripted.root)).isEmpty();
    }

    private void append(String rel, String text) throws Exception {
        Files.writeString(scripted.file(rel), Fixtures.read(scripted.file(rel)) + text);
    }
}
