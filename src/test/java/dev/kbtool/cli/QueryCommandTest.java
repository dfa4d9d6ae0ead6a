package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.QaFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kb query without an LLM: quoted sentences with citations to document and page. */
class QueryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Kb kb;

    @BeforeEach
    void setUp() throws Exception {
        kb = new Kb(tmp).env("KB_DIR", tmp.resolve("kb").toString());
        assertThat(kb.run("init", "kb").code()).isZero();
        QaFixtures.write(tmp.resolve("in"));
        assertThat(kb.run("add", "in").code()).isZero();
    }

    private JsonNode ask(String question, String... options) throws Exception {
        String[] args = new String[options.length + 3];
        args[0] = "--json";
        args[1] = "query";
        System.arraycopy(options, 0, args, 2, options.length);
        args[args.length - 1] = question;
        Kb.Result r = kb.run(args);
        assertThat(r.out().lines()).as(r.toString()).hasSize(1);
        return JSON.readTree(r.out());
    }

    @Test
    void quotesTheSentenceThatAnswersWithItsDocumentAndPage() throws Exception {
        JsonNode a = ask("Who built the Skerry Light?");

        assertThat(a.get("question").asText()).isEqualTo("Who built the Skerry Light?");
        assertThat(a.get("answered").asBoolean()).isTrue();
        assertThat(a.get("status").asText()).isEqualTo("answered");
        assertThat(a.get("mode").asText()).isEqualTo("offline");
        assertThat(a.get("answer").asText()).startsWith("\"The Skerry Light was built in 1843 by the engineer Thomas"
                + " Marwick.\" [1]");
        JsonNode first = a.get("citations").get(0);
        assertThat(first.get("n").asInt()).isEqualTo(1);
        assertThat(first.get("doc").asText()).isEqualTo("guide");
        assertThat(first.get("file").asText()).isEqualTo("guide.pdf");
        assertThat(first.get("page").asInt()).isEqualTo(2);
        assertThat(first.get("wikilink").asText()).isEqualTo("[[sources/guide]]");
        assertThat(first.get("path").asText()).isEqualTo("wiki/sources/guide.md");
        assertThat(first.get("quote").asText()).contains("Thomas Marwick");
        assertThat(first.has("title")).isTrue();
    }

    @Test
    void eachFactIsCitedOnItsOwnPage() throws Exception {
        assertThat(ask("When was the Skerry Light automated?").at("/citations/0/page").asInt()).isEqualTo(4);
        assertThat(ask("How far is the beam of the lantern visible?").at("/citations/0/page").asInt()).isEqualTo(3);
        JsonNode ferry = ask("When does the morning ferry leave the harbour?");
        assertThat(ferry.at("/citations/0/file").asText()).isEqualTo("ferries.md");
        assertThat(ferry.at("/citations/0/page").isNull()).isTrue();
    }

    @Test
    void peopleReadTheQuotesThenTheSources() {
        Kb.Result r = kb.run("query", "Who built the Skerry Light?");

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("\"The Skerry Light was built in 1843 by the engineer Thomas Marwick.\" [1]\n")
                .contains("\nSources:\n[1] ", " — guide.pdf, page 2\n    wiki/sources/guide.md · [[sources/guide]]\n");
    }

    @Test
    void whenNothingMatchesItSaysSoAndExitsOne() throws Exception {
        Kb.Result r = kb.run("--json", "query", "xylophone quasar zeppelin?");

        assertThat(r.code()).isEqualTo(1);
        JsonNode a = JSON.readTree(r.out());
        assertThat(a.get("answered").asBoolean()).isFalse();
        assertThat(a.get("status").asText()).isEqualTo("not_found");
        assertThat(a.get("answer").asText()).isEqualTo("The knowledge base does not say.");
        assertThat(a.get("citations")).isEmpty();
        assertThat(kb.run("query", "xylophone quasar zeppelin?").out()).isEqualTo("The knowledge base does not say.\n");
    }

    @Test
    void aQuestionAboutSomethingTheKnowledgeBaseNeverMentionsIsNotAnswered() throws Exception {
        JsonNode a = ask("What is the annual maintenance budget of the Skerry Light?");

        assertThat(a.get("answered").asBoolean()).isFalse();
        assertThat(a.get("answer").asText()).startsWith("The knowledge base does not say this directly. The closest"
                + " passages:");
        assertThat(kb.run("query", "Who succeeded Thomas Marwick as harbour master?").code()).isEqualTo(1);
    }

    @Test
    void wordsJoinedWithAHyphenThatTheTextKeepsApartAreFoundByEachWord() throws Exception {
        Kb.Result search = kb.run("search", "granite-tower");

        assertThat(search.code()).as(search.toString()).isZero();
        assertThat(search.out()).contains("guide.pdf", "**tower**", "**granite**");
        assertThat(ask("How old is the granite-tower on the island?").at("/citations/0/page").asInt()).isEqualTo(2);
    }

    @Test
    void whatComesClosestToAnUnansweredQuestionIsQuotedOncePerPlaceInTheOrderSearchRanksThem() throws Exception {
        Fixtures.write(tmp.resolve("more/cranes.md"), "# Harbour cranes\n\nThe harbour crane of the east pier lifts"
                + " forty tonnes. The harbour crane of the east pier was painted last spring. The harbour crane of the east"
                + " pier runs on rails. The harbour crane of the east pier has a heated cabin.\n");
        Fixtures.write(tmp.resolve("more/pier.md"), "# Ferry timetable\n\nFerries leave the east pier every hour;"
                + " the crane stops while they dock.\n");
        assertThat(kb.run("add", "more").code()).isZero();

        JsonNode a = ask("Who insures the harbour crane of the east pier?");

        assertThat(a.get("answered").asBoolean()).isFalse();
        java.util.List<String> places = new java.util.ArrayList<>();
        a.get("citations").forEach(c -> places.add(c.get("file").asText()));
        assertThat(places).as(a.toString()).startsWith("cranes.md", "pier.md").doesNotHaveDuplicates();
    }

    @Test
    void limitBoundsTheQuotes() throws Exception {
        assertThat(ask("Skerry Light lantern island keeper", "--limit", "1").get("citations")).hasSize(1);
        assertThat(kb.run("query", "--limit", "0", "lantern").code()).isEqualTo(2);
    }

    @Test
    void saveFilesTheAnswerAsAWikiPageListedInTheIndexThroughATransaction() throws Exception {
        Kb.Result r = kb.run("--json", "query", "--save", "Who built the Skerry Light?");

        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode a = JSON.readTree(r.out());
        assertThat(a.get("saved").asText()).isEqualTo("wiki/answers/who-built-the-skerry-light.md");
        String page = Fixtures.read(tmp.resolve("kb/wiki/answers/who-built-the-skerry-light.md"));
        assertThat(page).startsWith("---\ntype: \"Answer\"\ndescription: \"Who built the Skerry Light?\"\n")
                .contains("# Who built the Skerry Light?", "Thomas Marwick.\" [1]", "## Sources",
                        "1. [[sources/guide|", "guide.pdf, page 2]]", "[[summaries/guide|guide]]");
        assertThat(Fixtures.read(tmp.resolve("kb/wiki/index.md")))
                .contains("## Answers", "[[answers/who-built-the-skerry-light|Who built the Skerry Light?]]");
        assertThat(Fixtures.read(tmp.resolve("kb/wiki/log.md"))).contains("answer | Who built the Skerry Light?");
        assertThat(kb.run("search", "--kind", "answer", "Marwick").out()).contains("[[answers/who-built-the-skerry-light]]");
        assertThat(kb.run("lint").code()).as(kb.run("lint").toString()).isZero();
        assertThat(kb.run("doctor").code()).as(kb.run("doctor").toString()).isZero();

        assertThat(kb.run("--json", "query", "--save", "xylophone quasar?").code()).isEqualTo(1);
        assertThat(tmp.resolve("kb/wiki/answers/xylophone-quasar.md")).doesNotExist();
    }

    @Test
    void removingACitedDocumentUnlinksTheSavedAnswer() throws Exception {
        assertThat(kb.run("query", "--save", "Who built the Skerry Light?").code()).isZero();

        assertThat(kb.run("remove", "--yes", "guide").code()).isZero();

        String page = Fixtures.read(tmp.resolve("kb/wiki/answers/who-built-the-skerry-light.md"));
        assertThat(page).doesNotContain("[[sources/guide").contains("Thomas Marwick");
        assertThat(kb.run("lint").code()).isZero();
    }
}
