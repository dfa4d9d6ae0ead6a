package dev.kbtool.compile.offline;

import static dev.kbtool.compile.offline.SentenceQuality.Grade.NOISE;
import static dev.kbtool.compile.offline.SentenceQuality.Grade.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.language.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentenceQualityTest {
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            A neural network is a computational model inspired by biological brains.          | SUMMARY
            “Quoted speech is a sentence too,” she said, and walked out of the room.          | SUMMARY
            Renames a key.                                                                    | PROSE
            the continuation of a sentence broken by the layout, in lower case.               | PROSE
            Figure 3: Accuracy of each network on the test set.                               | NOISE
            Table 2. Results of the second experiment on all datasets.                        | NOISE
            [1] LeCun, Y., Bengio, Y., and Hinton, G. Deep learning. Nature 521 (2015).       | NOISE
            Smith, J., and Jones, K. A study of things. Journal of Studies, vol. 3, pp. 1-9.  | NOISE
            1.2 Switching the date output format . . . . . . . . . . . . . . . 4             | NOISE
            for (int i = 0; i < n; i++) { update(state[i]); }                                 | NOISE
            https://example.org/some/very/long/path?with=query&and=more                       | NOISE
            $ docker volume create --driver local --opt type=tmpfs foo                        | NOISE
            Package minitoc(hints) Warning: the caption(s) package should be loaded first.    | NOISE
            Copyright 2020 Example Corp. All rights reserved.                                 | NOISE
            o p t i m i z e & a u t o m a t e                                                 | NOISE
            12 0.91 0.87 0.66 0.55 0.43 0.12                                                  | NOISE
            Activated Params N/A 6.7B 2.8B FLOPs per 4K Tokens N/A 187.9T 74.4T Training Tokens | NOISE
            Our model reaches 90.2 percent on the first test and 76.2 percent on the second.  | SUMMARY
            As shown by Smith et al. (2020), the effect holds across all the datasets.        | PROSE
            3.2 Training Procedure We train the network with stochastic gradient descent.     | PROSE
            0.5 HellaSwag PIQA ARC-easy ARC-challenge TriviaQA NaturalQuestions               | NOISE
            Und. Encoder Text Tokenizer …… Text Tokenizer Gen. Encoder                        | NOISE
            Model #TP #AP CruxEval-I-COT CruxEval-O-COT                                       | NOISE
            Debian Free Software Guidelines                                                   | PROSE
            Docker Engine plugins extend the daemon with network drivers                      | PROSE
            """)
    void gradesSentencesByForm(String sentence, SentenceQuality.Grade grade) {
        assertThat(SentenceQuality.grade(sentence, Language.ENGLISH, false, false)).isEqualTo(grade);
    }

    @org.junit.jupiter.api.Test
    void referencesSectionsAndShortOpeningsAreJudgedByPlace() {
        String sentence = "A neural network is a computational model inspired by biological brains.";
        assertThat(SentenceQuality.grade(sentence, Language.ENGLISH, true, false)).isEqualTo(NOISE);
        assertThat(SentenceQuality.grade("Renames a key.", Language.ENGLISH, false, true)).isEqualTo(SUMMARY);
        assertThat(SentenceQuality.grade("此 参 数 设 定 TEX 分 段 为 行 时 各 行 的 惩 罚 值 。", Language.CHINESE, false, false))
                .isEqualTo(NOISE);
        assertThat(SentenceQuality.grade("在数学模式时，TEX 通常用字符的数学码指定的字体族排版该字符。", Language.CHINESE, false, false))
                .isEqualTo(SUMMARY);
        assertThat(SentenceQuality.grade("two words", Language.ENGLISH, false, false)).isEqualTo(NOISE);
    }
}
