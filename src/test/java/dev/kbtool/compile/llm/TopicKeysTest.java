package dev.kbtool.compile.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicKeysTest {
    @Test
    void lowerCasesJoinsWordsAndMakesTheLastWordSingular() {
        assertThat(TopicKeys.normalize("Neural Networks")).isEqualTo("neural-network");
        assertThat(TopicKeys.normalize("  neural   network ")).isEqualTo("neural-network");
        assertThat(TopicKeys.normalize("Data Structures & Algorithms")).isEqualTo("data-structures-algorithm");
        assertThat(TopicKeys.normalize("Policies")).isEqualTo("policy");
        assertThat(TopicKeys.normalize("Boxes")).isEqualTo("box");
        assertThat(TopicKeys.normalize("Search Indices")).isEqualTo("search-index");
        assertThat(TopicKeys.normalize("People")).isEqualTo("person");
        assertThat(TopicKeys.normalize("Large Language Models (LLMs)")).isEqualTo("large-language-models-llm");
    }

    @Test
    void leavesWordsThatOnlyLookPlural() {
        assertThat(TopicKeys.normalize("Physics")).isEqualTo("physics");
        assertThat(TopicKeys.normalize("Class")).isEqualTo("class");
        assertThat(TopicKeys.normalize("Corpus")).isEqualTo("corpus");
        assertThat(TopicKeys.normalize("Analysis")).isEqualTo("analysis");
        assertThat(TopicKeys.normalize("Time Series")).isEqualTo("time-series");
        assertThat(TopicKeys.normalize("GPS")).isEqualTo("gps");
    }

    @Test
    void appliesNfkcAndKeepsOtherScripts() {
        assertThat(TopicKeys.normalize("ＡＰＩ Gateways")).isEqualTo("api-gateway");
        assertThat(TopicKeys.normalize("ﬁle systems")).isEqualTo("file-system");
        assertThat(TopicKeys.normalize("Zürich")).isEqualTo("zürich");
        assertThat(TopicKeys.normalize("東京 タワー")).isEqualTo("東京-タワー");
        assertThat(TopicKeys.normalize("C++")).isEqualTo("c");
        assertThat(TopicKeys.normalize("?!")).isEmpty();
    }
}
