package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.render.LongDocumentTest;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.ScriptedKb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private List<JsonNode> json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("search", "--json"));
        all.addAll(List.of(args));
        Kb.Result r = kb.run(all.toArray(String[]::new));
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            JsonNode node = JSON.readTree(line);
            if (!node.path("summary").asBoolean()) {
                out.add(node);
            }
        }
        return out;
    }

    @Test
    void findsAPhraseOnPage42OfALongDocumentWithItsPageAndPlace() throws Exception {
        JsonNode page = json("\"zebra quartz lantern\"").stream().filter(n -> n.get("kind").asText().equals("source"))
                .findFirst().orElseThrow();

        assertThat(page.get("target").asText()).isEqualTo("sources/handbook#Page 42");
        assertThat(page.get("page").asInt()).isEqualTo(42);
        assertThat(page.get("doc").asText()).isEqualTo("handbook");
        assertThat(page.get("file").asText()).isEqualTo("handbook.pdf");
        assertThat(page.get("path").asText()).as("the readable page, which Obsidian shows")
                .isEqualTo("wiki/sources/handbook.md");
        assertThat(page.get("wikilink").asText()).isEqualTo("[[sources/handbook#Page 42]]");
        assertThat(page.get("section").asText()).isEqualTo("5.1 Early work");
        assertThat(page.get("snippet").asText()).contains("**zebra quartz lantern**");
        assertThat(page.get("score").asDouble()).isPositive();
    }

    @Test
    void eachPageOfALongDocumentComesOnceNotAlsoAsItsPartOfTheTree() throws Exception {
        List<JsonNode> hits = json("-n", "50", "Chapter 5 Results");

        List<String> places = hits.stream().map(n -> n.get("target").asText() + "#" + n.get("page")).toList();
        assertThat(places).doesNotHaveDuplicates();
        assertThat(hits).allSatisfy(n -> assertThat(n.get("kind").asText()).isIn("summary", "source", "concept", "entity"));
    }

    @Test
    void findsSummariesConceptsAndShortDocumentsAsText() {
        Kb.Result r = kb.run("search", "colouring");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("[[summaries/graphs]]", "[[concepts/graph-colouring]]", "**colouring**");
        assertThat(kb.run("search", "sorted keys").out()).contains("[[sources/trees]]");
    }

    @Test
    void peopleSeeTitleKindDocumentFileAndWikilinkButNoScore() {
        Kb.Result r = kb.run("search", "timetables");

        assertThat(r.out()).startsWith("1. Graphs (summary)\n   graphs.md · wiki/summaries/graphs.md · [[summaries/graphs]]\n   ")
                .doesNotContain("score");
        assertThat(kb.run("search", "zebra").out()).contains("(source, page 42: 5.1 Early work)\n   handbook.pdf · "
                + "wiki/sources/handbook.md · [[sources/handbook#Page 42]]");
    }

    @Test
    void aPassageNeedsOnlySomeOfTheWordsAndOneWithMoreOfThemRanksFirst() throws Exception {
        List<JsonNode> hits = json("binary", "trees", "xylophone");

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).get("doc").asText()).isEqualTo("trees");
        assertThat(json("colours", "trees").stream().map(n -> n.get("doc").asText()))
                .as("words as the text has them in other forms: colours, colouring").contains("graphs", "trees");
    }

    @Test
    void oneBookCannotFillTheList() throws Exception {
        Fixtures.write(tmp.resolve("short/steps.md"), "# Steps\n\nA short note on one step of a plan.\n");
        assertThat(kb.run("add", "short").code()).isZero();

        List<JsonNode> hits = json("-n", "5", "step");

        assertThat(hits).hasSize(5);
        assertThat(hits.stream().filter(n -> "handbook".equals(n.get("doc").asText()))).hasSizeLessThanOrEqualTo(3);
        assertThat(hits.stream().map(n -> n.get("doc").asText())).contains("steps");
        assertThat(json("-n", "8", "--doc", "handbook", "step")).as("one document asked for fills the list")
                .hasSize(8).allSatisfy(n -> assertThat(n.get("doc").asText()).isEqualTo("handbook"));
    }

    @Test
    void filtersByDocumentAndKind() throws Exception {
        assertThat(json("--doc", "trees.md", "trees keys colouring"))
                .isNotEmpty().allSatisfy(n -> assertThat(n.get("doc").asText()).isEqualTo("trees"));
        assertThat(json("--kind", "concept", "colouring"))
                .isNotEmpty().allSatisfy(n -> assertThat(n.get("kind").asText()).isEqualTo("concept"));
        assertThat(json("--kind", "summary,source", "colouring"))
                .isNotEmpty().allSatisfy(n -> assertThat(n.get("kind").asText()).isIn("summary", "source"));

        Kb.Result badKind = kb.run("search", "--kind", "node", "colouring");
        assertThat(badKind.code()).isEqualTo(2);
        assertThat(badKind.err()).contains("unknown kind 'node'; use summary, source, concept, entity, answer");
        assertThat(kb.run("search", "--doc", "nothing-like-it", "colouring").code()).isEqualTo(66);
    }

    @Test
    void noMatchExitsOneLikeGrep() {
        Kb.Result none = kb.run("search", "xylophone");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEqualTo("no matches\n");

        Kb.Result json = kb.run("search", "--json", "xylophone");
        assertThat(json.code()).isEqualTo(1);
        assertThat(json.out()).as("only the summary").isEqualTo("{\"summary\":true,\"query\":\"xylophone\",\"results\":0}\n");
        assertThat(kb.run("-q", "search", "xylophone").err()).isEmpty();
    }

    @Test
    void limit() {
        assertThat(kb.run("search", "-n", "1", "page").out().lines().filter(l -> l.matches("^\\d+\\. .*"))).hasSize(1);
        assertThat(kb.run("search", "-n", "0", "page").code()).isEqualTo(2);
    }

    @Test
    void snippetsShowTextWithoutTheMarkupAtLineStarts() throws Exception {
        assertThat(json("binary").get(0).get("snippet").asText()).isEqualTo("Trees\nBinary trees store sorted keys."
                .replace('\n', ' ').replace("Binary", "**Binary**"));
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
    void findsAWordInsideTextWrittenWithoutSpacesAndShowsItAsWritten() throws Exception {
        Fixtures.write(tmp.resolve("scripts/lao.md"), "# Lao\n\nພາສາລາວເປັນພາສາທີ່ສວຍງາມຫຼາຍ\n");
        Fixtures.write(tmp.resolve("scripts/chinese.md"), "# Chinese\n\n知识库把文件编译成维基。\n");
        assertThat(kb.run("add", "scripts").code()).isZero();

        assertThat(kb.run("search", "ສວຍງາມ").out()).contains("[[sources/lao]]", "ທີ່**ສວຍງາມ**ຫຼາຍ");
        assertThat(kb.run("search", "编译").out()).contains("[[sources/chinese]]", "把文件**编译**成维基");
    }

    @Test
    void aLongTextWithoutPagesIsFoundSectionBySection() throws Exception {
        StringBuilder text = new StringBuilder("# Manual\n\n");
        for (int s = 1; s <= 60; s++) {
            text.append("## Section ").append(s).append("\n\n");
            for (int p = 0; p < 6; p++) {
                text.append("Paragraph ").append(p).append(" of section ").append(s)
                        .append(" says ordinary things about ordinary matters at some length.")
                        .append(s == 37 && p == 3 ? " The walrus protocol is explained here." : "").append("\n\n");
            }
        }
        Fixtures.write(tmp.resolve("manual/manual.md"), text.toString());
        assertThat(kb.run("add", "manual").code()).isZero();

        JsonNode hit = json("walrus").stream().filter(n -> n.get("kind").asText().equals("source")).findFirst()
                .orElseThrow();

        assertThat(hit.get("section").asText()).isEqualTo("Section 37");
        assertThat(hit.get("page").isNull()).isTrue();
        assertThat(hit.get("wikilink").asText()).isEqualTo("[[sources/manual#Section 37]]");
        int line = hit.get("line").asInt();
        List<String> lines = Fixtures.read(tmp.resolve("kb/wiki/sources/manual.md")).lines().toList();
        assertThat(lines.subList(line - 1, Math.min(lines.size(), line + 40))).anyMatch(l -> l.contains("walrus"));
        assertThat(hit.get("snippet").asText().length()).as("a passage, not the whole text").isLessThan(400);
    }

    @Test
    void anythingTypedIsASafeQuery() {
        for (String q : new String[] {"foo -bar", "OR AND NOT", "title:graphs", "\"unclosed", "a*b (c)", "C++", "NEAR(a b)"}) {
            Kb.Result r = kb.run("search", q);
            assertThat(r.code()).as(q + "\n" + r).isIn(0, 1);
            assertThat(r.err()).as(q).doesNotContain("kb:");
        }
        assertThat(kb.run("search", "---").code()).isEqualTo(2);
    }
}
