package dev.kbtool.convert;

import static dev.kbtool.convert.PdfFixtures.MONO;
import static dev.kbtool.convert.PdfFixtures.REGULAR;
import static dev.kbtool.convert.PdfFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Word spacing PDFBox gets wrong for some scripts and layouts: Persian zero-width non-joiners,
 * kerned Arabic letters, tightly set Hangul, letter-spaced text, raised exponents. Right-to-left
 * text is drawn the way typesetters write it: glyphs in visual order, left to right.
 */
class PdfWordSpacingTest {
    private static final float SIZE = 20;

    @TempDir
    Path dir;

    private String convert(Path pdf) throws Exception {
        return new PdfConverter().convert(new ConversionRequest(pdf, null, null)).markdown();
    }

    private static Path font(String sample, String preferred) {
        Path font = PdfFixtures.systemFont(sample, preferred);
        Assumptions.assumeTrue(font != null, "no TrueType font with glyphs for " + sample + " on this machine");
        return font;
    }

    /** Draws TJ items (strings and kerning in thousandths of an em) with the baseline at (x, y). */
    private static void draw(PDPageContentStream cs, PDFont font, float x, float y, Object... items)
            throws IOException {
        cs.beginText();
        cs.setFont(font, SIZE);
        cs.newLineAtOffset(x, y);
        cs.showTextWithPositioning(items);
        cs.endText();
    }

    @Test
    void aSpaceGlyphWithNoRoomIsAPersianNonJoinerAndARealGapStaysASpace() throws Exception {
        Path fontFile = font("کتابهای ", "dejavusans");
        Path file = dir.resolve("persian.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            PDFont font = PDType0Font.load(doc, fontFile.toFile());
            float space = font.getStringWidth(" ");
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                // "کتاب‌های" as XeTeX sets it: a space glyph, then a step back over its width.
                draw(cs, font, 72, 700, "یاه", " ", space, "باتک");
                // "کتاب های": two words, a real space between them.
                draw(cs, font, 72, 500, "یاه باتک");
            }
            doc.save(file.toFile());
        }

        String md = convert(file);

        assertThat(md).contains("کتاب\u200Cهای").contains("کتاب های");
    }

    @Test
    void glyphFormsThatDoNotJoinInsideAWordKeepTheirNonJoiner() throws Exception {
        // Presentation forms, as fonts map the glyphs they draw (visual order, left to right).
        String mikonad = "\uFEAA\uFEE8\uFB90\uFBFD\uFEE3"; // می‌کند: final yeh, then initial keheh
        String ketab = "\uFE8F\uFE8E\uFE98\uFB90"; // کتاب: final alef never joins on
        Path fontFile = font(mikonad + ketab, "dejavusans");
        Path file = dir.resolve("forms.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            PDFont font = PDType0Font.load(doc, fontFile.toFile());
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                draw(cs, font, 72, 700, mikonad);
                draw(cs, font, 72, 500, ketab);
            }
            doc.save(file.toFile());
        }

        String md = convert(file);

        assertThat(md).contains("می\u200Cکند").contains("کتاب").doesNotContain("کتا\u200Cب");
    }

    @Test
    void aLetterKernedIntoTheBoxOfTheLetterBeforeKeepsItsPlaceInTheWord() throws Exception {
        Path fontFile = font("جزار", "dejavusans");
        Path file = dir.resolve("kerned.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            PDFont font = PDType0Font.load(doc, fontFile.toFile());
            float alef = font.getStringWidth("ا");
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                // "جزار" (visually ر ا ز ج) with the alef tucked under the zain, as Word's fonts
                // kern it: the zain starts a hair left of the alef and ends right of it.
                draw(cs, font, 72, 700, "را", alef + 10, "زج");
            }
            doc.save(file.toFile());
        }

        assertThat(convert(file)).contains("جزار").doesNotContain("ازر");
    }

    @Test
    void aNarrowGapBetweenHangulAndLatinIsStillAWordSpace() throws Exception {
        Path fontFile = font("한글을에서", "nanumgothic");
        Path file = dir.resolve("hangul.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            PDFont hangul = PDType0Font.load(doc, fontFile.toFile());
            float x = 72;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                draw(cs, hangul, x, 700, "한글을");
                // A justified line squeezes the word space to 0.17 em: under PDFBox's tolerance
                // next to Courier's wide space, over a fifth of the gap a Hangul word never has.
                x += hangul.getStringWidth("한글을") / 1000 * SIZE + 0.17f * SIZE;
                draw(cs, MONO, x, 700, "memoir");
                // The particle follows the Latin word without a gap: one word.
                x += MONO.getStringWidth("memoir") / 1000 * SIZE;
                draw(cs, hangul, x, 700, "에서");
            }
            doc.save(file.toFile());
        }

        assertThat(convert(file)).contains("한글을 memoir에서");
    }

    @Test
    void letterSpacedWordsAreNotCutWhereTheirNarrowLettersAre() throws Exception {
        Path file = dir.resolve("tracked.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                // Tracking of 1.2 pt at 9 pt, as in a code listing: about half a space.
                cs.beginText();
                cs.setFont(REGULAR, 9);
                cs.setCharacterSpacing(1.2f);
                cs.newLineAtOffset(72, 700);
                cs.showText("Jewelcase Title Subtitle");
                cs.endText();
            }
            doc.save(file.toFile());
        }

        assertThat(convert(file)).contains("Jewelcase Title Subtitle");
    }

    @Test
    void aRaisedExponentJoinsItsBaseInsteadOfBecomingALineBeforeIt() throws Exception {
        Path file = dir.resolve("axis.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            float base = REGULAR.getStringWidth("10") / 1000 * 11;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                // Raised 0.59 em: clear of the height PDFBox estimates for the digits, so PDFBox
                // gives the exponent a line of its own (as for 10^6 on the axis of a plot).
                text(cs, REGULAR, 11, 72, 700, "10");
                text(cs, REGULAR, 7, 72 + base, 706.5f, "6");
                text(cs, REGULAR, 11, 72, 670, "10");
                text(cs, REGULAR, 7, 72 + base, 676.5f, "5");
            }
            doc.save(file.toFile());
        }

        String md = convert(file);

        assertThat(md).contains("106").contains("105").doesNotContain("\n6\n").doesNotContain("\n5\n");
    }
}
