package dev.kbtool.text;

import java.text.Normalizer;

/**
 * Letters without their accents (é → e, ñ → n), as SQLite's {@code remove_diacritics} and BERT's
 * uncased tokenizer read them: decomposed, then the combining marks dropped. Text of ASCII alone
 * — most of an English knowledge base — is returned as it is, without decomposing.
 */
public final class Accents {
    private Accents() {
    }

    /** Whether every character of {@code s} is ASCII. */
    public static boolean isAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@code s} with its combining marks removed after canonical decomposition. */
    public static String strip(CharSequence s) {
        if (isAscii(s)) {
            return s.toString();
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }
}
