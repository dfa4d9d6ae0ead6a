package dev.kbtool.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    @Test
    void splitsAtSentenceMarksButNotAfterAbbreviationsInitialsOrInNumbers() {
        assertThat(SentenceSplitter.split("Dr. Smith met J. R. Jones in the U.S. on Monday. The value was 3.14, e.g. pi. "
                + "Was it? Yes! See Fig. 3 and Smith et al. (2020) for details."))
                .containsExactly("Dr. Smith met J. R. Jones in the U.S. on Monday.", "The value was 3.14, e.g. pi.", "Was it?",
                        "Yes!", "See Fig. 3 and Smith et al. (2020) for details.");
    }

    @Test
    void keepsClosingQuotesAndBracketsWithTheirSentence() {
        assertThat(SentenceSplitter.split("He said \"stop.\" Then (after a pause.) She left."))
                .containsExactly("He said \"stop.\"", "Then (after a pause.)", "She left.");
    }

    @Test
    void aPeriodBeforeALowerCaseWordEndsNothing() {
        assertThat(SentenceSplitter.split("Use the opt. flag to enable it. Then run.")).containsExactly(
                "Use the opt. flag to enable it.", "Then run.");
    }

    @Test
    void germanDatesAreNotSentenceEnds() {
        assertThat(SentenceSplitter.split("Debian 2.1 erschien am 9. März 1999. Es war groß."))
                .containsExactly("Debian 2.1 erschien am 9. März 1999.", "Es war groß.");
    }

    @Test
    void splitsChineseJapaneseHindiAndArabicAtTheirOwnMarks() {
        assertThat(SentenceSplitter.split("这是第一句。这是第二句！第三句？")).containsExactly("这是第一句。", "这是第二句！", "第三句？");
        assertThat(SentenceSplitter.split("「はい。」と彼は言った。次の文です。")).containsExactly("「はい。」", "と彼は言った。", "次の文です。");
        assertThat(SentenceSplitter.split("यह पहला वाक्य है। यह दूसरा है।")).containsExactly("यह पहला वाक्य है।", "यह दूसरा है।");
        assertThat(SentenceSplitter.split("هل هذا سؤال؟ نعم.")).containsExactly("هل هذا سؤال؟", "نعم.");
    }

    @Test
    void thaiIsSplitAtSpacesBetweenLongClauses() {
        String first = "ภาษาไทยเป็นภาษาที่มีระดับเสียงของคำแน่นอน";
        String second = "ภาษาไทยใช้อักษรไทยในการเขียน";
        assertThat(SentenceSplitter.split(first + " " + second)).containsExactly(first, second);
    }

    @Test
    void textWithoutMarksIsOneSentence() {
        assertThat(SentenceSplitter.split("  a heading without a full stop ")).containsExactly("a heading without a full stop");
        assertThat(SentenceSplitter.split("")).isEmpty();
    }

    @Test
    void theTokenizerKeepsThePeriodWhereTheSplitterSeesAnAbbreviation() {
        String text = "See Fig. 3 and eq. 4 in ch. 2, approx. twice the value.";
        assertThat(SentenceSplitter.split(text)).containsExactly(text);
        assertThat(Tokenizer.tokenize(text)).extracting(Token::text)
                .contains("Fig.", "eq.", "ch.", "approx.")
                .endsWith("value", ".");
    }
}
