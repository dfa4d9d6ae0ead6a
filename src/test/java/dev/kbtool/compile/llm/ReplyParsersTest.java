package dev.kbtool.compile.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kbtool.compile.TopicCandidate;
import dev.kbtool.testing.FakeLlmServer;
import org.junit.jupiter.api.Test;

class ReplyParsersTest {
    private static JsonNode json(String s) throws Exception {
        return FakeLlmServer.JSON.readTree(s);
    }

    @Test
    void aTooLongDescriptionIsSentBackThenShortened() throws Exception {
        String reply = "{\"description\": \"" + "word ".repeat(40) + "\", \"summary\": [\"One. Two. Three.\"]}";
        ReplyParser<SummaryReply> parser = SummaryReply.parser("Title", 3);

        assertThatThrownBy(() -> parser.parse(json(reply), false)).hasMessageContaining("must be under 160");
        assertThat(parser.parse(json(reply), true).description()).hasSizeLessThan(160).endsWith("…");
    }

    @Test
    void summaryParagraphsBecomeSentencesWithoutMarkdown() throws Exception {
        SummaryReply r = SummaryReply.parser("Title", 3).parse(json(
                "{\"description\": \"About **sorting**\", \"summary\": [\"It compares [[quicksort]] and merge sort. "
                        + "Quicksort wins on *random* input.\", \"- Merge sort is stable.\"]}"), false);

        assertThat(r.description()).isEqualTo("About sorting");
        assertThat(r.sentences()).containsExactly("It compares quicksort and merge sort.",
                "Quicksort wins on random input.", "Merge sort is stable.");
    }

    @Test
    void identifiersWithUnderscoresSurviveCleaning() throws Exception {
        SummaryReply r = SummaryReply.parser("Title", 1).parse(json(
                "{\"description\": \"Tuning max_tokens and min_tokens\", \"summary\": [\"Set `max_tokens` to 4096 in a <b>config</b> when a < b and c > d.\"]}"),
                false);

        assertThat(r.description()).isEqualTo("Tuning max_tokens and min_tokens");
        assertThat(r.sentences()).containsExactly("Set max_tokens to 4096 in a config when a < b and c > d.");
    }

    @Test
    void tooManySentencesAreSentBackThenCut() throws Exception {
        String reply = "{\"description\": \"About counting\", \"summary\": [\"" + "One more sentence. ".repeat(15) + "\"]}";

        assertThatThrownBy(() -> SummaryReply.parser("T", 3).parse(json(reply), false)).hasMessageContaining("at most 12");
        assertThat(SummaryReply.parser("T", 3).parse(json(reply), true).sentences()).hasSize(12);
    }

    @Test
    void topicsAreMergedByKeyCutToSizeAndTyped() throws Exception {
        TopicsReply r = TopicsReply.parser(2, 5).parse(json("""
                {"concepts": [
                  {"name": "Graph Databases", "contribution": "The author benchmarks three graph stores on social data."},
                  {"name": "graph database", "aliases": ["GDB"], "contribution": "A second mention with other facts in it."},
                  {"name": "Indexing", "contribution": "Secondary indexes halve the query latency in the tests."},
                  {"name": "Sharding", "contribution": "Sharding is left for future work by the authors."}],
                 "entities": [{"name": "Neo4j", "type": "Product", "contribution": "Neo4j answers the path queries fastest."},
                              {"name": "ACME", "type": "startup", "contribution": "ACME funded the study in 2021."}]}"""),
                false);

        assertThat(r.concepts()).extracting(TopicCandidate::key).containsExactly("graph-database", "indexing");
        assertThat(r.concepts().get(0).aliases()).containsExactly("graph database", "GDB");
        assertThat(r.concepts().get(0).score()).isEqualTo(1.0);
        assertThat(r.concepts().get(1).score()).isEqualTo(0.5);
        assertThat(r.entities()).extracting(TopicCandidate::type).containsExactly("product", "other");
    }

    @Test
    void flawedTopicsAreSentBackThenDropped() throws Exception {
        String reply = """
                {"concepts": [{"name": "", "contribution": "Something real is said here about it."},
                              {"name": "Caching", "contribution": "Caching. Caching! More. Even more. Too many."}],
                 "entities": "none"}""";
        ReplyParser<TopicsReply> parser = TopicsReply.parser(10, 10);

        assertThatThrownBy(() -> parser.parse(json(reply), false))
                .hasMessageContaining("concepts[0] needs a \"name\"")
                .hasMessageContaining("\"entities\" must be a list");
        TopicsReply lenient = parser.parse(json(reply), true);
        assertThat(lenient.concepts()).extracting(TopicCandidate::key).containsExactly("caching");
        assertThat(lenient.entities()).isEmpty();
    }

    @Test
    void notesMayBeEmptyOnlyAfterRepair() throws Exception {
        assertThatThrownBy(() -> NotesReply.parser().parse(json("{\"notes\": [\"N/A\"]}"), false))
                .hasMessageContaining("not a note");
        assertThat(NotesReply.parser().parse(json("{\"notes\": [\"N/A\"]}"), true).notes()).isEmpty();
    }
}
