package dev.kbtool.text;

import java.lang.Character.UnicodeScript;

/**
 * The writing systems kb's text handling has to treat apart, decided in one place so that
 * conversion, compiling and search agree on them.
 */
public final class Scripts {
    private Scripts() {
    }

    /**
     * Written without spaces between words: Chinese, Japanese, Thai, Lao, Khmer and Burmese.
     * Words cannot be found at spaces there, so kb counts and indexes such text by character.
     */
    public static boolean unspaced(int cp) {
        // Thai is the first of these scripts in code point order: most text never gets further.
        return cp >= 0x0E00 && unspaced(UnicodeScript.of(cp));
    }

    /** Whether {@code script} is one written without spaces between words (see {@link #unspaced(int)}). */
    public static boolean unspaced(UnicodeScript script) {
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        };
    }

    /**
     * Chinese and Japanese characters with their punctuation and full-width forms: a line break
     * between two of them stands for no space at all.
     */
    public static boolean ideographic(int cp) {
        if (cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFFEF) {
            return true;
        }
        UnicodeScript script = UnicodeScript.of(cp);
        return script == UnicodeScript.HAN || script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA;
    }
}
