package dev.kbtool.convert;

import static dev.kbtool.convert.PdfFixtures.BOLD;
import static dev.kbtool.convert.PdfFixtures.REGULAR;
import static dev.kbtool.convert.PdfFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The title printed on the first page: not the stamp up the margin, the running head, a figure
 * legend or a section heading; small capitals read back as the words they set; the metadata
 * used where it is the same title or where nothing is printed large.
 */
class PdfTitleTest {
    private static final String BODY = "The quick brown fox jumps over the lazy dog near the river bank again.";

    @TempDir
    Path dir;

    private String title(Path pdf) throws Exception {
        return new PdfConverter().convert(new ConversionRequest(pdf, null, null)).title();
    }

    /** Draws words in small capitals: a word's capitals at {@code size}, its small letters as capitals at 0.8 of it. */
    private static void smallCaps(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String words)
            throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (String word : words.split("(?<= )")) {
            StringBuilder run = new StringBuilder();
            boolean big = false;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                boolean upper = Character.isUpperCase(c) || !Character.isLetter(c);
                if (run.length() > 0 && upper != big) {
                    cs.setFont(font, big ? size : 0.8f * size);
                    // Kerned a little apart at the change of size, as a font's small caps often are.
                    cs.showTextWithPositioning(new Object[] {run.toString(), big ? -40f : 0f});
                    run.setLength(0);
                }
                big = upper;
                run.append(Character.toUpperCase(c));
            }
            cs.setFont(font, big ? size : 0.8f * size);
            cs.showText(run.toString());
        }
        cs.endText();
    }

    /** A paper's first page: a stamp up the margin, a running head, the title, authors, a legend, a heading, text. */
    private Path paper(String metadata) throws IOException {
        Path file = dir.resolve("paper.pdf");
        try (PDDocument doc = new PDDocument()) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, PdfFixtures.page(doc))) {
                cs.beginText();
                cs.setFont(REGULAR, 20);
                cs.setTextMatrix(Matrix.getRotateInstance(Math.PI / 2, 30, 200));
                cs.showText("arXiv:2502.16982v1 [cs.LG] 24 Feb 2025");
                cs.endText();
                text(cs, REGULAR, 8, 72, 760, "Preprint under review");
                smallCaps(cs, BOLD, 17, 110, 700, "Muon is Scalable for LLM Training");
                text(cs, REGULAR, 11, 200, 670, "Ada Lovelace and Alan Turing");
                text(cs, BOLD, 14, 72, 620, "1 Introduction");
                body(cs, 600, 6);
                // A figure below the text, its legend set larger than anything else.
                text(cs, REGULAR, 24, 150, 300, "MMLU Score");
            }
            if (metadata != null) {
                PdfFixtures.info(doc, metadata, null);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    @Test
    void theTitleIsTheLargeTextAtTheTopOfTheFirstPageInSmallCapitalsReadAsWritten() throws Exception {
        assertThat(title(paper(null))).isEqualTo("Muon is Scalable for LLM Training");
    }

    @Test
    void aTitleOverTwoLinesWithALogoBesideTheSecondIsReadWhole() throws Exception {
        Path file = dir.resolve("logo.pdf");
        try (PDDocument doc = new PDDocument()) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, PdfFixtures.page(doc))) {
                text(cs, BOLD, 16, 110, 700, "Rivers and Bridges: Unified Crossing");
                cs.drawImage(PdfFixtures.image(doc, 64, 64), 60, 676, 24, 24);
                text(cs, BOLD, 16, 110, 670, "with Ferries at Scale");
                text(cs, REGULAR, 11, 200, 650, "Ada Lovelace and Alan Turing");
                body(cs, 600, 6);
            }
            doc.save(file.toFile());
        }

        // Images are blocks of the page only where they are saved, as kb add saves them.
        String title = new PdfConverter().convert(new ConversionRequest(file, dir.resolve("images"), "images/"))
                .title();
        assertThat(title).isEqualTo("Rivers and Bridges: Unified Crossing with Ferries at Scale");
    }

    @Test
    void metadataThatIsAFileNameOrAPlaceholderIsIgnored() throws Exception {
        assertThat(title(paper("paper_v3_final.docx"))).isEqualTo("Muon is Scalable for LLM Training");
        assertThat(title(paper("Microsoft Word - draft.doc"))).isEqualTo("Muon is Scalable for LLM Training");
        assertThat(title(paper("Untitled"))).isEqualTo("Muon is Scalable for LLM Training");
    }

    @Test
    void metadataForTheSameTitleWinsWhenItIsTheFullerOne() throws Exception {
        assertThat(title(paper("Muon is Scalable for LLM Training: A Technical Report")))
                .isEqualTo("Muon is Scalable for LLM Training: A Technical Report");
        // Another title altogether, left over from a template: the printed one is the document's.
        assertThat(title(paper("A LaTeX Template for Conference Papers"))).isEqualTo("Muon is Scalable for LLM Training");
    }

    @Test
    void withNothingPrintedLargeTheMetadataOrABoldOpeningLineIsTheTitle() throws Exception {
        Path plain = dir.resolve("plain.pdf");
        try (PDDocument doc = new PDDocument()) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, PdfFixtures.page(doc))) {
                text(cs, BOLD, 10, 72, 720, "Notes on the Spring Meeting");
                body(cs, 700, 5);
            }
            doc.save(plain.toFile());
        }
        assertThat(title(plain)).isEqualTo("Notes on the Spring Meeting");
    }

    @Test
    void aPageOfRunningTextHasNoTitle() throws Exception {
        Path plain = PdfFixtures.simple(dir.resolve("letter.pdf"), BODY, BODY, BODY);
        assertThat(title(plain)).isNull();
    }

    /** {@code lines} lines of body text from {@code y} down, as a page's running text. */
    private static void body(PDPageContentStream cs, float y, int lines) throws java.io.IOException {
        for (int i = 0; i < lines; i++) {
            text(cs, REGULAR, 10, 72, y - 12 * i, BODY);
        }
    }
}
