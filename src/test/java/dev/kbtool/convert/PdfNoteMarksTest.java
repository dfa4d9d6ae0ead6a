package dev.kbtool.convert;

import static dev.kbtool.convert.PdfFixtures.REGULAR;
import static dev.kbtool.convert.PdfFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Footnote marks set as enclosed numbers (①②) from a dingbat font, beside the words they mark. */
class PdfNoteMarksTest {
    private static final PDType1Font DINGBATS = new PDType1Font(Standard14Fonts.FontName.ZAPF_DINGBATS);

    @TempDir
    Path dir;

    private static String convert(Path pdf) throws Exception {
        return new PdfConverter().convert(new ConversionRequest(pdf, null, null)).pages().get(0).markdown();
    }

    /** Draws {@code s} in the body font at (x, y); returns where it ends. */
    private static float draw(PDPageContentStream cs, float x, float y, float size, String s) throws IOException {
        text(cs, REGULAR, size, x, y, s);
        return x + REGULAR.getStringWidth(s) / 1000 * size;
    }

    /** Draws a dingbat mark at (x, y); returns where it ends. */
    private static float mark(PDPageContentStream cs, float x, float y, float size, String mark) throws IOException {
        text(cs, DINGBATS, size, x, y, mark);
        return x + DINGBATS.getStringWidth(mark) / 1000 * size;
    }

    @Test
    void aNameMarkedForAFootnoteStaysAWordAndTheNoteIsAFootnote() throws Exception {
        Path pdf = PdfFixtures.onePage(dir.resolve("marks.pdf"), cs -> {
            float x = draw(cs, 72, 700, 11, "In 1985 Leslie Lamport");
            x = mark(cs, x, 700, 11, "\u2461");
            draw(cs, x, 700, 11, " wrote LaTeX on top of the TeX typesetting system.");
            draw(cs, 72, 686, 11, "Many people have used it for their papers and books since then.");
            float n = mark(cs, 72, 120, 8, "\u2461");
            draw(cs, n, 120, 8, "Computer scientist, born in 1941, Turing Award in 2013.");
        });

        String md = convert(pdf);

        assertThat(md).contains("Leslie Lamport \u2461 wrote LaTeX")
                .contains("> \u2461 Computer scientist, born in 1941");
    }

    @Test
    void aRaisedSmallerMarkIsKeptApartFromItsWordToo() throws Exception {
        Path pdf = PdfFixtures.onePage(dir.resolve("raised.pdf"), cs -> {
            float x = draw(cs, 72, 700, 11, "The prototype by Zhennan Li");
            x = mark(cs, x, 704, 7, "\u2460\u2461");
            draw(cs, x, 700, 11, " was typeset with XeLaTeX.");
        });

        String md = convert(pdf);

        assertThat(md).contains("Zhennan Li \u2460\u2461 was typeset");
    }

    @Test
    void marksAreSpacedFromLettersAndDigitsOfSpacedScriptsOnly() {
        assertThat(PdfNoteMarks.separate("Zhennan Li\u2460\u2461 and luoluo114\u2461")).isEqualTo(
                "Zhennan Li \u2460\u2461 and luoluo114 \u2461");
        assertThat(PdfNoteMarks.separate("\u2462https://mirrors.example.org/")).isEqualTo(
                "\u2462 https://mirrors.example.org/");
        assertThat(PdfNoteMarks.separate("核心站点\u2460和镜像站点\u2461构成。")).isEqualTo("核心站点\u2460和镜像站点\u2461构成。");
        assertThat(PdfNoteMarks.separate("Leslie Lamport\u2461将 TEX")).isEqualTo("Leslie Lamport \u2461将 TEX");
        assertThat(PdfNoteMarks.separate("area in m\u00B2, (\u2460) and \u2776.")).isEqualTo(
                "area in m\u00B2, (\u2460) and \u2776.");
    }
}
