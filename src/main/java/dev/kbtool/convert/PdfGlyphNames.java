package dev.kbtool.convert;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.pdmodel.font.encoding.Encoding;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads glyphs of fonts that carry no Unicode map by their glyph names. Where a simple font has
 * no ToUnicode map and a glyph's name is not in the Adobe Glyph List, PDFBox writes the
 * character code itself, which is Latin-1 mojibake in any font with a custom encoding (a Thai
 * manual came out as {@code º·á¹Ð¹Ó}). The names still say what the glyphs are, as poppler
 * reads them: a variant suffix ({@code a.sc}), ligatures ({@code f_f_i}), {@code uniXXXX}
 * (several code points in one name), {@code uXXXX[XX]}, ZapfDingbats' {@code a1}-{@code a191} in
 * dingbat fonts, and Unicode character names written in
 * CamelCase, which fonts in the wild use ({@code ThaiCharacterKoKai}) and the JDK resolves
 * ({@link Character#codePointOf}). A glyph whose name says nothing and whose code is not plain
 * ASCII (where codes and letters usually agree) becomes U+FFFD, counted, so the page can say so
 * instead of showing wrong letters. One instance per conversion; not thread-safe.
 */
final class PdfGlyphNames {
    static final String UNREADABLE = "\uFFFD";
    /** In the table of decoded codes: PDFBox's own reading stands. */
    private static final String NOT_MAPPED = "";
    /** Codes up to here are ASCII or control codes (C1 included). */
    private static final int LAST_CONTROL = 0x9F;
    private static final Pattern DINGBAT = Pattern.compile("a\\d{1,3}");

    private final Map<PDFont, String[]> decoded = new IdentityHashMap<>();
    private int unreadable;

    /** Glyphs written as U+FFFD since the count was last taken; resets the count. */
    int takeUnreadable() {
        int n = unreadable;
        unreadable = 0;
        return n;
    }

    /** The glyph, with its text read from its name where PDFBox could not map it. */
    TextPosition read(TextPosition p) {
        if (!(p.getFont() instanceof PDSimpleFont font)) {
            return p;
        }
        int[] codes = p.getCharacterCodes();
        String unicode = p.getUnicode();
        if (codes == null || codes.length != 1 || codes[0] < 0 || codes[0] > 255 || unicode == null
                || unicode.length() != 1 || unicode.charAt(0) != codes[0]) {
            // PDFBox found a mapping: its fallback writes the bare code as the character.
            return p;
        }
        String[] table = decoded.computeIfAbsent(font, f -> new String[256]);
        String text = table[codes[0]];
        if (text == null) {
            text = decode(font, codes[0]);
            table[codes[0]] = text;
        }
        if (text.isEmpty()) {
            return p;
        }
        if (text.equals(UNREADABLE)) {
            unreadable++;
        }
        return new TextPosition(p.getRotation(), p.getPageWidth(), p.getPageHeight(), p.getTextMatrix(), p.getEndX(),
                p.getEndY(), p.getHeight(), p.getIndividualWidths()[0], p.getWidthOfSpace(), text, codes, font,
                p.getFontSize(), (int) p.getFontSizeInPt());
    }

    private static String decode(PDSimpleFont font, int code) {
        if (font.toUnicode(code) != null) {
            return NOT_MAPPED;
        }
        Encoding encoding = font.getEncoding();
        String name = encoding == null ? null : encoding.getName(code);
        String text = name == null || name.equals(".notdef") ? null : toUnicode(name);
        if (text != null) {
            return text;
        }
        // Without a usable name, an ASCII code most likely is its letter (poppler's reading too);
        // a control code is dropped later anyway. Above them, the code says nothing.
        return code <= LAST_CONTROL ? NOT_MAPPED : UNREADABLE;
    }

    /** The text a glyph name stands for, or null when the name says nothing. */
    static String toUnicode(String name) {
        if (name.isEmpty() || name.startsWith(".")) {
            return null;
        }
        String known = GlyphList.getAdobeGlyphList().toUnicode(name);
        if (known == null && DINGBAT.matcher(name).matches()) {
            // Dingbat fonts name their glyphs a1 to a191 (ZapfDingbats' names): a120 is ①.
            known = GlyphList.getZapfDingbats().toUnicode(name);
        }
        if (known != null) {
            return known;
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            return toUnicode(name.substring(0, dot));
        }
        if (name.indexOf('_') > 0) {
            StringBuilder sb = new StringBuilder();
            for (String part : name.split("_")) {
                String piece = part.isEmpty() ? null : toUnicode(part);
                if (piece == null) {
                    return null;
                }
                sb.append(piece);
            }
            return sb.toString();
        }
        String hex = uniName(name);
        return hex != null ? hex : characterName(name);
    }

    /** {@code uni} and groups of four hex digits, or {@code u} and four to six. */
    private static String uniName(String name) {
        if (name.startsWith("uni") && name.length() >= 7 && (name.length() - 3) % 4 == 0) {
            StringBuilder sb = new StringBuilder();
            for (int i = 3; i < name.length(); i += 4) {
                int cp = hex(name.substring(i, i + 4), true);
                // Control characters are no reading: matplotlib names glyphs "uni0000002b" by glyph index.
                if (cp < 0x20 || cp >= 0x7F && cp < 0xA0 || cp >= 0xD800 && cp <= 0xDFFF) {
                    return null;
                }
                sb.appendCodePoint(cp);
            }
            return sb.toString();
        }
        if (name.startsWith("u") && name.length() >= 5 && name.length() <= 7) {
            // Upper case only here: "ubead" is a word before it is U+BEAD.
            int cp = hex(name.substring(1), false);
            if (cp >= 0x20 && cp <= 0x10FFFF && !(cp >= 0x7F && cp < 0xA0) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                return new String(Character.toChars(cp));
            }
        }
        return null;
    }

    /** The value of hex digits, or -1; lower-case digits only where {@code lowerCase} allows them. */
    private static int hex(String digits, boolean lowerCase) {
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), 16);
            if (d < 0 || !lowerCase && Character.isLowerCase(digits.charAt(i))) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }

    /** A Unicode character name in CamelCase: {@code ThaiCharacterKoKai} is THAI CHARACTER KO KAI. */
    private static String characterName(String name) {
        if (name.length() < 4 || !Character.isUpperCase(name.charAt(0))) {
            return null;
        }
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-') {
                return null;
            }
            if (i > 0 && Character.isUpperCase(c) || i > 0 && Character.isDigit(c) && !Character.isDigit(name.charAt(i - 1))) {
                words.append(' ');
            }
            words.append(c);
        }
        try {
            return new String(Character.toChars(Character.codePointOf(words.toString().toUpperCase(Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
