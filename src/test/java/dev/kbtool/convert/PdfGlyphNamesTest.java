package dev.kbtool.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDTrueTypeFont;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fonts without a Unicode map: an embedded TrueType font whose Encoding has a Differences array
 * of glyph names and no ToUnicode map, as a Thai manual had. PDFBox alone writes the character
 * codes as Latin-1 letters; the names say what the glyphs are.
 */
class PdfGlyphNamesTest {
    @TempDir
    Path dir;

    /**
     * One page drawing each line's codes (bytes) in a TrueType font from this machine whose
     * encoding maps the given codes to the given glyph names and has no ToUnicode map.
     */
    private Path document(Map<Integer, String> names, byte[]... lines) throws IOException {
        Path ttf = PdfFixtures.systemFont("Aa", "dejavusans.ttf");
        Assumptions.assumeTrue(ttf != null, "no TrueType font on this machine");
        Path file = dir.resolve("custom-encoding.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            PDTrueTypeFont font = PDTrueTypeFont.load(doc, ttf.toFile(), WinAnsiEncoding.INSTANCE);
            COSDictionary dict = font.getCOSObject();
            dict.removeItem(COSName.TO_UNICODE);
            COSArray differences = new COSArray();
            for (Map.Entry<Integer, String> e : new TreeMap<>(names).entrySet()) {
                differences.add(COSInteger.get(e.getKey()));
                differences.add(COSName.getPDFName(e.getValue()));
            }
            COSDictionary encoding = new COSDictionary();
            encoding.setItem(COSName.TYPE, COSName.ENCODING);
            encoding.setItem(COSName.BASE_ENCODING, COSName.WIN_ANSI_ENCODING);
            encoding.setItem(COSName.DIFFERENCES, differences);
            dict.setItem(COSName.ENCODING, encoding);
            // Every code gets a width: the glyphs the names stand for need not be in this font.
            COSArray widths = new COSArray();
            for (int code = 32; code <= 255; code++) {
                widths.add(COSInteger.get(600));
            }
            dict.setInt(COSName.FIRST_CHAR, 32);
            dict.setInt(COSName.LAST_CHAR, 255);
            dict.setItem(COSName.WIDTHS, widths);
            PDResources resources = new PDResources();
            COSName name = resources.add(font);
            page.setResources(resources);
            PDStream content = new PDStream(doc);
            try (OutputStream out = content.createOutputStream()) {
                float y = 700;
                for (byte[] line : lines) {
                    StringBuilder hex = new StringBuilder();
                    for (byte b : line) {
                        hex.append(String.format("%02X", b & 0xFF));
                    }
                    out.write(("BT /" + name.getName() + " 14 Tf 72 " + y + " Td <" + hex + "> Tj ET\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    y -= 20;
                }
            }
            page.setContents(content);
            doc.save(file.toFile());
        }
        return file;
    }

    private static byte[] codes(int... codes) {
        byte[] bytes = new byte[codes.length];
        for (int i = 0; i < codes.length; i++) {
            bytes[i] = (byte) codes[i];
        }
        return bytes;
    }

    private ConvertedDocument convert(Path pdf) throws Exception {
        return new PdfConverter().convert(new ConversionRequest(pdf, null, null));
    }

    @Test
    void thaiGlyphNamesAreReadAsThaiLettersNotAsLatinOne() throws Exception {
        // ภาษาไทย ("Thai language"), each letter named as fonts in the wild name it.
        Map<Integer, String> names = Map.of(
                0xC0, "ThaiCharacterPhoSamphao", 0xD2, "ThaiCharacterSaraAa", 0xC9, "ThaiCharacterSoRusi",
                0xE4, "ThaiCharacterSaraAiMaimalai", 0xB7, "ThaiCharacterThoThahan", 0xC2, "ThaiCharacterYoYak");
        Path pdf = document(names, codes(0xC0, 0xD2, 0xC9, 0xD2, 0xE4, 0xB7, 0xC2));

        String page = convert(pdf).pages().get(0).markdown();

        assertThat(page).isEqualTo("ภาษาไทย");
    }

    @Test
    void uniNamesVariantsAndLigaturesAreReadToo() throws Exception {
        Map<Integer, String> names = Map.of(
                0xA1, "uni0E01", 0xA2, "u0E02", 0xA3, "ThaiCharacterKoKai.short", 0xA4, "f_f_i", 0xA5, "uni00660066");
        Path pdf = document(names, codes(0xA1, 0xA2, 0xA3), codes('a', 0xA4, 'x', 0xA5));

        String page = convert(pdf).pages().get(0).markdown();

        assertThat(page).contains("กขก").contains("affixff");
    }

    @Test
    void glyphsWhoseNamesSayNothingAreMarkedOnThePageNotWrittenAsMojibake() throws Exception {
        // Codes above ASCII with numbered names: nothing says what they are.
        Map<Integer, String> names = Map.of(0xE9, "g233", 0xEA, "g234");
        Path pdf = document(names, codes('O', 'K', ' ', 0xE9, 0xEA, 0xE9, 0xEA, 0xE9, 'z'),
                codes('R', 'e', 'a', 'd', 'a', 'b', 'l', 'e'));

        String page = convert(pdf).pages().get(0).markdown();

        assertThat(page).contains("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDz").contains("Readable").doesNotContain("é")
                .doesNotContain("ê");
        assertThat(page).contains("> **Note:** 5 characters on this page could not be read");
    }

    @Test
    void aStrayUnreadableSymbolIsCountedInACommentNotANote() throws Exception {
        Map<Integer, String> names = Map.of(0xE9, "g233");
        Path pdf = document(names, codes('S', 'e', 'e', ' ', 0xE9, ' ', 'h', 'e', 'r', 'e'));

        String page = convert(pdf).pages().get(0).markdown();

        assertThat(page).contains("See \uFFFD here").contains("<!-- unreadable characters: 1 -->").doesNotContain("Note");
    }

    @Test
    void aDocumentOfUnreadableGlyphsFailsWithAReason() throws Exception {
        Map<Integer, String> names = Map.of(0xE9, "g233", 0xEA, "g234", 0xEB, "g235");
        Path pdf = document(names, codes(0xE9, 0xEA, 0xEB, 0xEA, 0xE9));

        assertThat(ConversionFailures.reason(() -> convert(pdf)))
                .isEqualTo("its fonts have no Unicode map and glyph names that say nothing; the text cannot be read");
    }
}
