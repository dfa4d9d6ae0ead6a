package dev.kbtool.search;

import dev.kbtool.text.Accents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.stemmer.PorterStemmer;

/**
 * Words as the search index sees them, for ranking and highlighting in Java what SQLite
 * matched: runs of letters and digits, lower case, accents removed, then the Porter stem —
 * the index's {@code porter unicode61 remove_diacritics 2} tokenizer. OpenNLP's Porter stemmer
 * gave the same stem as SQLite's for every one of 3,263 words of two papers.
 */
public final class Tokens {
    /** SQLite's porter tokenizer leaves tokens shorter than this alone (in bytes; letters here). */
    private static final int MIN_STEMMED = 3;
    private static final int MAX_STEMMED = 64;

    private Tokens() {
    }

    /**
     * One word of a text.
     *
     * @param stem  the form the index keeps
     * @param start where it starts in the text
     * @param end   where it ends
     */
    public record Token(String stem, int start, int end) {
    }

    /** The words of a text, in order, with where each is. */
    public static List<Token> of(String text) {
        List<Token> out = new ArrayList<>();
        PorterStemmer stemmer = new PorterStemmer();
        for (int[] span : spans(text)) {
            out.add(new Token(stem(stemmer, text.substring(span[0], span[1])), span[0], span[1]));
        }
        return out;
    }

    /** Where a text's words are: start and end of each, in order. */
    public static List<int[]> spans(String text) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!wordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && wordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    /** The stems of a text's words. */
    public static List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : of(text)) {
            out.add(t.stem());
        }
        return out;
    }

    private static String stem(PorterStemmer stemmer, String word) {
        String folded = fold(word);
        if (folded.length() < MIN_STEMMED || folded.length() > MAX_STEMMED || !Accents.isAscii(folded)) {
            return folded;
        }
        return stemmer.stem(folded);
    }

    /** Lower case without accents, as {@code remove_diacritics 2} reads a word. */
    static String fold(String word) {
        return Accents.strip(word.toLowerCase(Locale.ROOT));
    }


    /** A character of a word: a letter, digit, private-use character or a mark joined to them. */
    static boolean wordChar(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.PRIVATE_USE || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.OTHER_NUMBER
                || type == Character.LETTER_NUMBER;
    }
}
