package dev.kbtool.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which sentences of a passage an offline answer may quote. */
class ExtractiveSentencesTest {
    @Test
    void aTableRowReadAsASentenceIsNotQuoted() {
        String row = "Input Hidden | Router with two experts | (a) Conventional Top-2 Routing | (b) Fine-grained"
                + " Expert Segmentation | Figure 2 illustrates the layer.";

        assertThat(Extractive.sentences(row)).isEmpty();
    }

    @Test
    void textReadOffAFormulaIsNotQuotedButASentenceNamingAVariableIs() {
        String formula = "The device-level balance loss is computed as follows: ∑︁𝐷 LDevBal = 𝛼 2 𝑓 ′ ′ (15)"
                + " 𝑖=1 1 ∑︁𝑖 𝑃𝑖 , 𝑓 ′ 𝑓 𝑗, (16) where 𝛼2 is a factor.";
        String prose = "The total number of routed experts is 𝑚𝑁 minus the shared ones, which keeps the cost constant.";

        assertThat(Extractive.sentences(formula)).isEmpty();
        assertThat(Extractive.sentences(prose)).containsExactly(prose);
    }
}
