package dev.kbtool.convert;

import java.text.Normalizer;
import java.util.BitSet;

/**
 * What the glyph forms of Arabic letters say about joining. Fonts often map glyphs to the
 * presentation forms (initial, medial, final, isolated) they draw; PDFBox normalises them to
 * the base letters, which loses where a word does not join inside: a Persian {@code می‌کند}
 * is drawn with a final yeh before an initial keheh, and read as {@code میکند}, which a reader
 * sees joined. The forms come from the Unicode character names, so no table is kept here.
 */
final class ArabicForms {
    private static final int FIRST = 0xFB50;
    private static final int LAST = 0xFEFF;
    private static final byte ISOLATED = 1;
    private static final byte FINAL = 2;
    private static final byte INITIAL = 3;
    private static final byte MEDIAL = 4;
    private static final byte[] FORMS = new byte[LAST - FIRST + 1];
    /** Base letters that join the letter after them (they have an initial or a medial form). */
    private static final BitSet JOINS_NEXT = new BitSet();
    /** Base letters that join the letter before them (they have a final or a medial form). */
    private static final BitSet JOINS_PREVIOUS = new BitSet();

    static {
        for (int c = FIRST; c <= LAST; c++) {
            String name = Character.getName(c);
            // Ligatures and the forms of vowel marks are not single letters.
            if (name == null || !name.startsWith("ARABIC LETTER ")) {
                continue;
            }
            byte form = name.endsWith(" ISOLATED FORM") ? ISOLATED : name.endsWith(" FINAL FORM") ? FINAL
                    : name.endsWith(" INITIAL FORM") ? INITIAL : name.endsWith(" MEDIAL FORM") ? MEDIAL : 0;
            String base = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFKC);
            if (form == 0 || base.length() != 1) {
                continue;
            }
            FORMS[c - FIRST] = form;
            if (form == INITIAL || form == MEDIAL) {
                JOINS_NEXT.set(base.charAt(0));
            }
            if (form == FINAL || form == MEDIAL) {
                JOINS_PREVIOUS.set(base.charAt(0));
            }
        }
    }

    private ArabicForms() {
    }

    /**
     * Whether a letter drawn as {@code first}, read just before a letter drawn as {@code second},
     * was kept from joining it: the first is drawn final or isolated though it could join on, and
     * the second initial or isolated though it could join back. Glyphs that are not presentation
     * forms say nothing.
     */
    static boolean notJoined(String first, String second) {
        byte a = form(first);
        byte b = form(second);
        return (a == FINAL || a == ISOLATED) && (b == INITIAL || b == ISOLATED)
                && JOINS_NEXT.get(base(first)) && JOINS_PREVIOUS.get(base(second));
    }

    private static byte form(String glyph) {
        if (glyph == null || glyph.length() != 1) {
            return 0;
        }
        char c = glyph.charAt(0);
        return c >= FIRST && c <= LAST ? FORMS[c - FIRST] : 0;
    }

    private static char base(String glyph) {
        return Normalizer.normalize(glyph, Normalizer.Form.NFKC).charAt(0);
    }
}
