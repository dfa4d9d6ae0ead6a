package dev.kbtool.convert;

import static dev.kbtool.convert.PdfFixtures.REGULAR;
import static dev.kbtool.convert.PdfFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers set digit by digit, as in the candidate-number box of an exam paper. */
class PdfDigitGroupsTest {
    private static final float SIZE = 7;

    @TempDir
    Path dir;

    /** Draws each digit on its own at y, {@code gaps[i]} points after the one before; returns the Markdown. */
    private String digits(String digits, float... gaps) throws Exception {
        Path file = dir.resolve("digits.pdf");
        try (PDDocument doc = new PDDocument()) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, PdfFixtures.page(doc))) {
                text(cs, REGULAR, 11, 72, 720, "Candidate number:");
                float x = 72;
                for (int i = 0; i < digits.length(); i++) {
                    String d = digits.substring(i, i + 1);
                    x += i == 0 ? 0 : gaps[i - 1];
                    text(cs, REGULAR, SIZE, x, 700, d);
                    x += REGULAR.getStringWidth(d) / 1000 * SIZE;
                }
            }
            doc.save(file.toFile());
        }
        return new PdfConverter().convert(new ConversionRequest(file, null, null)).markdown();
    }

    @Test
    void trackedDigitsGroupWhereTheGapsAreWider() throws Exception {
        float t = 1.25f;
        String md = digits("2046260812017", 4.1f, t, t, t, t, t, 4.8f, t, t, t, t, t);

        assertThat(md).contains("2 046260 812017");
    }

    @Test
    void digitsAWordSpaceApartStayApart() throws Exception {
        float space = 0.4f * SIZE;
        assertThat(digits("12345", space, space, space, space)).contains("1 2 3 4 5");
    }

    @Test
    void gapsThatDoNotFallIntoTwoClearSizesChangeNothing() throws Exception {
        float t = 1.25f;
        assertThat(digits("12345", t, t, 2.0f, t)).contains("1 2 3 4 5");
    }
}
