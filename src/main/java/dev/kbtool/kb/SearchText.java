package dev.kbtool.kb;

/**
 * Text as the full-text index sees it. SQLite's unicode61 tokenizer splits words at spaces
 * and punctuation, which Chinese and Japanese do not write; putting a space around every
 * ideograph, kana and hangul syllable indexes those scripts character by character, so a
 * phrase query still finds them. Queries go through the same function.
 */
public final class SearchText {
    private SearchText() {
    }

    public static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (separated(cp)) {
                out.append(' ').appendCodePoint(cp).append(' ');
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean separated(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.THAI;
    }
}
