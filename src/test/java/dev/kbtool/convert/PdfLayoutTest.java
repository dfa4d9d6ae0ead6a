package dev.kbtool.convert;

import static dev.kbtool.convert.PdfFixtures.BOLD;
import static dev.kbtool.convert.PdfFixtures.REGULAR;
import static dev.kbtool.convert.PdfFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paragraphs from layout: a two-column paper whose sentences run over the column and the page
 * end, justified and indented as TeX sets it, with a running head, page numbers, a footnote, a
 * stamp up the margin and line-end hyphens in broken words and in compounds.
 */
class PdfLayoutTest {
    private static final float SIZE = 10;
    private static final float LEADING = 12;
    private static final float[] COLUMNS = {72, 316};
    private static final float WIDTH = 224;
    private static final float INDENT = 12;
    private static final String HEAD = "Journal of Layout Tests";
    private static final String STAMP = "arXiv:2501.00001v1 [cs.CL] 1 Jan 2025";

    @TempDir
    Path dir;

    /** One line of a column: its text, whether it starts a paragraph (indented) or ends one (not justified). */
    private record Line(String text, boolean first, boolean last) {
        static Line of(String text) {
            return new Line(text, false, false);
        }
    }

    /** Draws a line's words spread over the column's width, as justified text is set; indented if it starts a paragraph. */
    private static void justified(PDPageContentStream cs, float x, float y, Line line) throws IOException {
        float left = x + (line.first() ? INDENT : 0);
        String[] words = line.text().split(" ");
        if (line.last() || words.length == 1) {
            text(cs, REGULAR, SIZE, left, y, line.text());
            return;
        }
        float ink = 0;
        for (String w : words) {
            ink += REGULAR.getStringWidth(w) / 1000 * SIZE;
        }
        float gap = (x + WIDTH - left - ink) / (words.length - 1);
        float at = left;
        for (String w : words) {
            text(cs, REGULAR, SIZE, at, y, w);
            at += REGULAR.getStringWidth(w) / 1000 * SIZE + gap;
        }
    }

    private static void column(PDPageContentStream cs, int column, float top, List<Line> lines) throws IOException {
        float y = top;
        for (Line line : lines) {
            justified(cs, COLUMNS[column], y, line);
            y -= LEADING;
        }
    }

    /** The running head and the page number every page has. */
    private static void furniture(PDPageContentStream cs, int number) throws IOException {
        text(cs, REGULAR, 8, 72, 750, HEAD);
        text(cs, REGULAR, 8, 300, 40, Integer.toString(number));
    }

    private static void stamp(PDPageContentStream cs, PDType1Font font) throws IOException {
        cs.beginText();
        cs.setFont(font, 14);
        cs.setTextMatrix(Matrix.getRotateInstance(Math.PI / 2, 36, 250));
        cs.showText(STAMP);
        cs.endText();
    }

    private Path paper() throws IOException {
        Path file = dir.resolve("paper.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage one = PdfFixtures.page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, one)) {
                furniture(cs, 1);
                stamp(cs, REGULAR);
                text(cs, BOLD, 18, 150, 700, "A Study of Flowing Text");
                column(cs, 0, 660, List.of(
                        new Line("Readers expect a converted paper to keep its", true, false),
                        Line.of("sentences whole. Each experiment in this study"),
                        Line.of("compares a converter with a careful human"),
                        Line.of("reader, line by line, on pages set in two"),
                        Line.of("columns with running heads, footnotes and"),
                        Line.of("margin stamps. The first of them, an experi-"),
                        Line.of("ment on sentences cut at the end of a"),
                        Line.of("column, shows where the text simply")));
                text(cs, REGULAR, 8, 72, 110, "1 The stamps are set up the margin of the first page.");
                column(cs, 1, 660, List.of(
                        Line.of("continues at the top of the next one, and the"),
                        Line.of("second looks at the state-of-"),
                        Line.of("the-art systems for English-"),
                        Line.of("to-German translation of such papers. Both"),
                        Line.of("use models after pre-training on big corpora,"),
                        Line.of("and the quality of the pre-"),
                        Line.of("training matters for the results we report in"),
                        Line.of("this section of the paper, which goes on over")));
            }
            PDPage two = PdfFixtures.page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, two)) {
                furniture(cs, 2);
                column(cs, 0, 720, List.of(
                        new Line("the page end without a pause in the sentence.", false, true),
                        new Line("A new paragraph starts here with an indent", true, false),
                        new Line("and ends after its second line.", false, true)));
            }
            PDPage three = PdfFixtures.page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, three)) {
                furniture(cs, 3);
                column(cs, 0, 720, List.of(new Line("The last page holds one short paragraph.", true, true)));
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private ConvertedDocument convert(Path pdf) throws Exception {
        return new PdfConverter().convert(new ConversionRequest(pdf, null, null));
    }

    @Test
    void aSentenceRunsOnOverTheColumnAndThePageEndAsOneParagraph() throws Exception {
        ConvertedDocument doc = convert(paper());

        assertThat(doc.markdown()).contains("Readers expect a converted paper to keep its sentences whole. Each experiment"
                + " in this study compares a converter with a careful human reader, line by line, on pages set in two"
                + " columns with running heads, footnotes and margin stamps. The first of them, an experiment on"
                + " sentences cut at the end of a column, shows where the text simply continues at the top of the next"
                + " one, and the second looks at the state-of-the-art systems for English-to-German translation of"
                + " such papers. Both use models after pre-training on big corpora, and the quality of the"
                + " pre-training matters for the results we report in this section of the paper, which goes on over"
                + " the page end without a pause in the sentence.\n\n");
        assertThat(doc.markdown()).contains("\n\nA new paragraph starts here with an indent and ends after its second line.");
        // The paragraph is kept whole where it starts; the next page's marker follows it and page 1's footnote.
        assertThat(doc.markdown().indexOf("without a pause")).isLessThan(doc.markdown().indexOf("<!-- page 2 -->"));
        // Each page's own text is only what is printed on it.
        assertThat(doc.pages().get(0).markdown()).doesNotContain("without a pause");
        assertThat(doc.pages().get(1).markdown()).startsWith("the page end without a pause in the sentence.");
    }

    @Test
    void runningHeadsPageNumbersAndMarginStampsStayOutOfTheRunningText() throws Exception {
        ConvertedDocument doc = convert(paper());
        String text = doc.markdown().replaceAll("(?s)<!--.*?-->", "");

        assertThat(text).doesNotContain(HEAD).doesNotContain("arXiv").doesNotMatch("(?s).*\\n[123]\\n.*");
        // Kept, out of the way, for anyone who looks at the file.
        assertThat(doc.pages().get(0).markdown()).contains("<!-- page furniture: " + HEAD).contains(STAMP);
        assertThat(doc.pages().get(2).markdown()).endsWith("<!-- page furniture: " + HEAD + " · 3 -->");
        assertThat(doc.title()).isEqualTo("A Study of Flowing Text");
    }

    @Test
    void aFootnoteFollowsThePageTextMarkedAsAFootnote() throws Exception {
        ConvertedDocument doc = convert(paper());
        String page = doc.pages().get(0).markdown();

        assertThat(page).contains("\n\n> ¹ The stamps are set up the margin of the first page.");
        assertThat(page.indexOf("> ¹ The stamps")).isGreaterThan(page.indexOf("which goes on over"));
        assertThat(doc.markdown().indexOf("> ¹ The stamps")).isGreaterThan(doc.markdown().indexOf("without a pause"));
    }

    @Test
    void lineEndHyphensGoInBrokenWordsAndStayInCompounds() throws Exception {
        String md = convert(paper()).markdown();

        // "experiment" occurs whole elsewhere; "pre-training" occurs hyphenated elsewhere;
        // "state-of-" and "to-German" hold hyphens of their own.
        assertThat(md).contains("an experiment on").contains("the pre-training matters")
                .contains("state-of-the-art").contains("English-to-German");
    }

    @Test
    void aParagraphThatEndsAtTheFootOfAColumnIsNotJoinedToTheNextOne() throws Exception {
        Path file = dir.resolve("ends.pdf");
        try (PDDocument doc = new PDDocument()) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, PdfFixtures.page(doc))) {
                column(cs, 0, 700, List.of(
                        new Line("The first column holds one whole paragraph", true, false),
                        Line.of("that ends with the last line of the column,"),
                        Line.of("at full width, where its final sentence stops.")));
                column(cs, 1, 700, List.of(
                        new Line("Another paragraph opens the second column", true, false),
                        Line.of("with an indent, as a new paragraph does in"),
                        Line.of("text set in this style, the style of TeX and"),
                        new Line("of most papers.", false, true)));
            }
            doc.save(file.toFile());
        }
        String md = convert(file).markdown();

        assertThat(md).contains("at full width, where its final sentence stops.\n\nAnother paragraph opens the second"
                + " column with an indent");
    }

    @Test
    void aNoteInTheMarginIsReadAfterTheParagraphBesideIt() throws Exception {
        Path file = dir.resolve("margin.pdf");
        float measureEnd = COLUMNS[0] + WIDTH;
        try (PDDocument doc = new PDDocument()) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, PdfFixtures.page(doc))) {
                column(cs, 0, 700, List.of(
                        new Line("Proofs come back with the changes written", true, false),
                        Line.of("in the margin, beside the line that holds the"),
                        Line.of("word: one changed, one missing, or one the"),
                        Line.of("setter has broken at the wrong place, a bro-"),
                        Line.of("ken word the setter then mends by hand in"),
                        new Line("the next proof.", false, true)));
                // A proofreader's note on the row of the fourth line, its second line between rows.
                text(cs, REGULAR, 8, measureEnd + 14, 700 - 3 * LEADING, "3: was: broke");
                text(cs, REGULAR, 8, measureEnd + 14, 700 - 3 * LEADING - 9, "at the end");
                // On even pages the notes stand in the left margin.
                text(cs, REGULAR, 8, 20, 700 - LEADING, "2: was: line");
            }
            doc.save(file.toFile());
        }
        String md = convert(file).markdown();

        assertThat(md).contains("the setter has broken at the wrong place, a broken word the setter then mends by hand"
                + " in the next proof.");
        assertThat(md).contains("in the margin, beside the line that holds the word:");
        assertThat(md.indexOf("3: was: broke")).isGreaterThan(md.indexOf("in the next proof."));
        assertThat(md.indexOf("2: was: line")).isGreaterThan(md.indexOf("in the next proof."));
    }
}
