package dev.kbtool.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs PDFBox put on lines of their own, put back beside the run they belong to. */
class PdfScriptsTest {
    private static PdfLine run(String text, float x0, float x1, float baseline, float size) {
        return new PdfLine(text, x0, x1, baseline - size * 0.7f, baseline, size, false, false, null, PdfLine.UPRIGHT);
    }

    private static List<String> texts(List<PdfLine> runs) {
        return runs.stream().map(PdfLine::text).toList();
    }

    @Test
    void aPieceKernedIntoTheEndOfAWordIsThatWordsRest() {
        // The TeX logo's lowered E (and the X after it), 1.9 pt into the T, 2.7 pt lower.
        List<PdfLine> runs = List.of(run("with T", 88.5f, 128.0f, 592.8f, 12), run("6 Conclusion", 293.7f, 374.0f, 587.1f, 12),
                run("EX", 126.1f, 139.9f, 595.5f, 12));

        assertThat(texts(PdfScripts.attach(runs))).containsExactly("with TEX", "6 Conclusion");
    }

    @Test
    void wordsThatOnlyComeCloseStayApart() {
        // Two labels of a chart, 0.06 pt apart on baselines 1 pt apart; and a word a thin space after another.
        List<PdfLine> runs = List.of(run("DeepSeek-V2-Lite-2.4B", 383.57f, 424.20f, 556.77f, 3.5f),
                run("MAP-Neo-7B", 424.26f, 445.97f, 557.72f, 3.5f), run("Section", 72, 110, 700, 10),
                run("two", 111.5f, 130, 702, 10));

        assertThat(texts(PdfScripts.attach(runs))).containsExactly("DeepSeek-V2-Lite-2.4B", "MAP-Neo-7B", "Section",
                "two");
    }
}
