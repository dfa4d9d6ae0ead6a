package dev.kbtool.compile.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NonAnswersTest {
    @Test
    void recognisesStockNonAnswersRefusalsAndPlaceholders() {
        for (String s : new String[] {"", "  ", "No change.", "no changes", "N/A", "n/a", "None", "-", "...", "TBD",
                "Unchanged", "I'm sorry, but I can't help with that.", "I cannot determine this from the text.",
                "As an AI language model, I have no opinion.", "Unfortunately, the document does not say.",
                "The document does not mention anything about it.", "<insert description here>",
                "[placeholder]", "Lorem ipsum dolor sit amet.", "\"Description\"", "{{summary}}"}) {
            assertThat(NonAnswers.isNonAnswer(s)).as(s).isTrue();
        }
    }

    @Test
    void acceptsRealStatements() {
        for (String s : new String[] {"The paper derives backpropagation step by step.",
                "No single method wins on every data set, the authors find.",
                "The document compares three sorting algorithms.", "Nothing in the trial reduced mortality by more "
                + "than 2 percent.", "Die Studie misst 98 Prozent Genauigkeit.", "東京の人口を説明する。"}) {
            assertThat(NonAnswers.isNonAnswer(s)).as(s).isFalse();
        }
    }

    @Test
    void aContributionMustSayMoreThanTheName() {
        assertThat(NonAnswers.restatesName("Neural network", "Neural networks.")).isTrue();
        assertThat(NonAnswers.restatesName("Neural network", "Neural networks are mentioned in the document.")).isTrue();
        assertThat(NonAnswers.restatesName("MNIST", "This document discusses MNIST.")).isTrue();
        assertThat(NonAnswers.restatesName("MNIST", "Every experiment uses MNIST digits.")).isFalse();
        assertThat(NonAnswers.restatesName("Paris", "Paris hosted the 2024 games.")).isFalse();
        assertThat(NonAnswers.restatesName("東京", "東京は人口が最も多い都市として紹介される。")).isFalse();
    }

    @Test
    void comparesTextsIgnoringCaseSpacingAndPunctuation() {
        assertThat(NonAnswers.sameText("Backpropagation Explained", "backpropagation explained.")).isTrue();
        assertThat(NonAnswers.sameText("Backpropagation Explained", "Backpropagation explained simply")).isFalse();
    }
}
