package dev.kbtool.language;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a word looks like: plain word, name, code identifier, numbering. */
public final class TokenShapes {
    private static final Pattern PLAIN = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(['’-]\\p{L}[\\p{L}\\p{M}]*)*");
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M}\\p{N}]*(['’.&-][\\p{L}\\p{M}\\p{N}]+)*\\.?");
    private static final Pattern ROMAN = Pattern.compile("(?i)[ivxlcdm]{1,7}");
    private static final Pattern STRICT_ROMAN = Pattern.compile("M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");

    private TokenShapes() {
    }

    /** Letters, with inner hyphens or apostrophes, no capital after the first letter: a word a concept may contain. */
    public static boolean plainWord(String s) {
        if (!PLAIN.matcher(s).matches()) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A word a name may contain: letters and digits with inner punctuation, and at most three
     * lower-to-upper changes after a capital ("JavaScript", "DeepSeekMoE"), one after a single
     * small letter ("iPhone"); "getElementById" is code. Digits belong to short acronyms ("MP3",
     * "W3C") and to versioned names ("DeepSeek-V2", "GPT-4", "Qwen2.5", "LLaMA2"), not to
     * identifiers ("Actor3", "arg1").
     */
    public static boolean nameWord(String s) {
        if (!NAME.matcher(s).matches()) {
            return false;
        }
        int humps = 0;
        int firstHump = -1;
        int capitals = Character.isUpperCase(s.charAt(0)) ? 1 : 0;
        boolean digits = false;
        for (int i = 1; i < s.length(); i++) {
            if (Character.isLowerCase(s.charAt(i - 1)) && Character.isUpperCase(s.charAt(i))) {
                humps++;
                firstHump = firstHump < 0 ? i : firstHump;
            }
            capitals += Character.isUpperCase(s.charAt(i)) ? 1 : 0;
            digits |= Character.isDigit(s.charAt(i));
        }
        boolean shapeOk = Character.isUpperCase(s.charAt(0)) ? humps <= 3 : humps == 0 || humps == 1 && firstHump == 1;
        if (!shapeOk) {
            return false;
        }
        return !digits || s.length() <= 4 && s.equals(s.toUpperCase(Locale.ROOT))
                || Character.isUpperCase(s.charAt(0)) && (s.indexOf('-') > 0 || s.indexOf('.') > 0 || capitals >= 2);
    }

    /**
     * Written in Latin letters, as names and terms are in the Latin-script languages we extract
     * topics from; Greek numerals or Cyrillic words quoted in such a text are not topics.
     */
    public static boolean latin(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            // Code points, not chars: a mathematical italic K (U+1D43E) is a letter of no script, not Latin.
            if (Character.isLetter(c) && c >= 128 && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** A Roman numeral ("IV", "xii"). */
    public static boolean roman(String s) {
        return ROMAN.matcher(s).matches() && STRICT_ROMAN.matcher(s.toUpperCase(Locale.ROOT)).matches();
    }

    /** A number, a single letter or a Roman numeral: what follows "Figure" or "Section". */
    public static boolean numbering(Token t) {
        return t.shape() == Token.Shape.NUMBER || t.word() && (t.text().length() == 1 || roman(t.text()));
    }
}
