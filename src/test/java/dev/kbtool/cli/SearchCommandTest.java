package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.render.LongDocumentTest;
import dev.kbtool.search.SearchQuery;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.ScriptedKb;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
    @TempDir
    Path tmp;
    Kb kb;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.write(tmp.resolve("in/graphs.md"), "# Graphs\n\nconcept: Graph colouring | Colouring maps with four colours.\n"
                + "summary: The note explains graph colouring for timetables.\n");
        Fixtures.write(tmp.resolve("in/trees.md"), "# Trees\n\nBinary trees store sorted keys.\n");
        ScriptedKb scripted = new ScriptedKb(tmp, "kb");
        scripted.add("in");
        kb = new Kb(tmp).env("KB_DIR", scripted.root.toString());
        LongDocumentTest.writeBook(tmp.resolve("long/handbook.pdf"));
        assertThat(kb.run("add", "long").code()).isZero();
    }

    @Test
    void findsAPhraseOnPage42OfALongDocumentWithItsPage() throws Exception {
        Kb.Result r = kb.run("search", "--json", "\"zebra quartz lantern\"");

        JsonNode first = new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
        assertThat(first.get("target").asText()).isEqualTo("sources/handbook.json");
        assertThat(first.get("page").asInt()).isEqualTo(42);
        assertThat(first.get("kind").asText()).isEqualTo("page");
        assertThat(first.get("snippet").asText()).contains("**zebra quartz lantern**");
        assertThat(first.get("score").asDouble()).isPositive();
    }

    @Test
    void findsSummariesConceptsAndShortDocumentsAsText() {
        Kb.Result r = kb.run("search", "colouring");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("[[summaries/graphs]]", "[[concepts/graph-colouring]]", "**colouring**");
        assertThat(kb.run("search", "sorted keys").out()).contains("[[sources/trees]]");
    }

    @Test
    void peopleSeeTheRankingNotBm25Scores() {
        Kb.Result r = kb.run("search", "timetables");

        assertThat(r.out()).startsWith("1. [[summaries/graphs]]  (summary)\n").doesNotContain("score");
    }

    @Test
    void snippetsShowTextWithoutTheMarkupAtLineStarts() {
        Kb.Result r = kb.run("search", "--json", "binary");

        assertThat(r.out()).contains("\"snippet\":\"Trees **Binary** trees store sorted keys.\"");
    }

    @Test
    void aOneSentenceDocumentsSummaryIsNotShownTwice() throws Exception {
        Fixtures.write(tmp.resolve("short/note.md"), "A single sentence about quinces.\n");
        assertThat(kb.run("add", "short").code()).isZero();

        Kb.Result r = kb.run("search", "quinces");

        assertThat(r.out()).contains("[[summaries/note]]");
        assertThat(r.out().split("quinces", -1)).as(r.out()).hasSize(3);
    }

    @Test
    void limitAndNoMatches() {
        assertThat(kb.run("search", "-n", "1", "page").out().lines().filter(l -> l.matches("^\\d+\\. .*"))).hasSize(1);
        Kb.Result none = kb.run("search", "xylophone");
        assertThat(none.code()).isZero();
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("no matches");
    }

    @Test
    void findsAWordInsideTextWrittenWithoutSpaces() throws Exception {
        Fixtures.write(tmp.resolve("scripts/lao.md"), "# Lao\n\nພາສາລາວເປັນພາສາທີ່ສວຍງາມຫຼາຍ\n");
        Fixtures.write(tmp.resolve("scripts/chinese.md"), "# Chinese\n\n知识库把文件编译成维基。\n");
        assertThat(kb.run("add", "scripts").code()).isZero();

        assertThat(kb.run("search", "ສວຍງາມ").out()).contains("[[sources/lao]]");
        assertThat(kb.run("search", "编译").out()).contains("[[sources/chinese]]");
    }

    @Test
    void anythingTypedIsASafeQuery() {
        for (String q : new String[] {"foo -bar", "OR AND NOT", "title:graphs", "\"unclosed", "a*b (c)", "C++"}) {
            Kb.Result r = kb.run("search", q);
            assertThat(r.code()).as(q + "\n" + r).isZero();
        }
        assertThat(kb.run("search", "---").code()).isEqualTo(2);
        assertThat(SearchQuery.toFts("graph* \"four colours\" x:y")).isEqualTo("\"graph\" * \"four colours\" \"x:y\"");
    }
}
