package dev.kbtool.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineJoinTest {
    private static String join(String... lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            LineJoin.append(sb, line);
        }
        return sb.toString();
    }

    @Test
    void wrappedLinesJoinWithASpaceAndBrokenWordsLoseTheirHyphen() {
        assertThat(join("a wrapped", "line")).isEqualTo("a wrapped line");
        assertThat(join("an exam-", "ple")).isEqualTo("an example");
        assertThat(join("a soft\u00AD", "hyphen")).isEqualTo("a softhyphen");
        assertThat(join("see Section-", "Three")).isEqualTo("see Section- Three");
    }

    @Test
    void chineseAndJapaneseLinesJoinWithoutASpaceOtherScriptsWithOne() {
        assertThat(join("知识库把文件", "编译成维基。")).isEqualTo("知识库把文件编译成维基。");
        assertThat(join("文件。", "ウィキ")).isEqualTo("文件。ウィキ");
        // A Han character outside the Basic Multilingual Plane is two chars in Java.
        assertThat(join("\uD840\uDC0B", "字")).isEqualTo("\uD840\uDC0B字");
        assertThat(join("한국어", "문장")).isEqualTo("한국어 문장");
        assertThat(join("字", "word")).isEqualTo("字 word");
    }

    @Test
    void unspacedScriptsAreThoseThatWriteNoSpaceBetweenWords() {
        for (String s : new String[] {"字", "か", "カ", "ภ", "ລ", "ក", "က"}) {
            assertThat(Scripts.unspaced(s.codePointAt(0))).as(s).isTrue();
        }
        for (String s : new String[] {"a", "한", "ب", "д", "।"}) {
            assertThat(Scripts.unspaced(s.codePointAt(0))).as(s).isFalse();
        }
        assertThat(Scripts.ideographic('。')).isTrue();
        assertThat(Scripts.ideographic('Ａ')).isTrue();
        assertThat(Scripts.ideographic('ภ')).isFalse();
    }
}
