package dev.kbtool.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a paragraph into sentences by rule, for every script at once: Latin-style periods,
 * question and exclamation marks (not after abbreviations, initials or before a lower-case
 * word), the CJK full stops, the Devanagari danda and the Arabic question mark. Thai, which
 * ends sentences with a space, is split at spaces. Rules are faster than a model here and
 * behave the same on every language in a mixed folder.
 */
public final class SentenceSplitter {
    /** Month names after which "9." is a day ("9. März 1999"), not a sentence end. */
    private static final Set<String> MONTHS = Set.of("januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli",
            "august", "september", "oktober", "november", "dezember", "january", "february", "march", "may", "june",
            "july", "october", "december");
    private static final String CLOSERS = "\"'”’»)]}」』）〕】〉》";
    private static final String LATIN_ENDS = ".!?…";
    private static final String HARD_ENDS = "。！？｡।॥؟۔";
    /** The Thai block of Unicode. */
    private static final char THAI_FIRST = '\u0E00';
    private static final char THAI_LAST = '\u0E7F';
    /** A Thai clause shorter than this is joined to the next one. */
    private static final int MIN_THAI = 20;

    private SentenceSplitter() {
    }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int end = -1;
            if (HARD_ENDS.indexOf(c) >= 0) {
                end = skipClosers(text, i + 1);
            } else if (LATIN_ENDS.indexOf(c) >= 0) {
                end = latinEnd(text, i);
            } else if (c == ' ' && i - start >= MIN_THAI && isThai(text, i - 1) && isThai(text, i + 1)) {
                end = i;
            }
            if (end > 0) {
                add(out, text.substring(start, end));
                start = end;
                i = end - 1;
            }
        }
        if (start < n) {
            add(out, text.substring(start));
        }
        return out;
    }

    /** End of the sentence when the mark at {@code i} closes one, else -1. */
    private static int latinEnd(String text, int i) {
        int j = i + 1;
        while (j < text.length() && LATIN_ENDS.indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        j = skipClosers(text, j);
        if (j >= text.length()) {
            return text.length();
        }
        if (!Character.isWhitespace(text.charAt(j))) {
            return -1;
        }
        int k = j;
        while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        if (k >= text.length()) {
            return j;
        }
        int next = text.codePointAt(k);
        if (Character.isLowerCase(next) || ",;:".indexOf(next) >= 0) {
            return -1;
        }
        if (text.charAt(i) == '.' && j == i + 1 && (abbreviationBefore(text, i) || dayBeforeMonth(text, i, k))) {
            return -1;
        }
        return j;
    }

    private static boolean abbreviationBefore(String text, int dot) {
        int b = dot;
        while (b > 0 && (Character.isLetter(text.charAt(b - 1)) || text.charAt(b - 1) == '.')) {
            b--;
        }
        String word = text.substring(b, dot);
        if (word.isEmpty()) {
            return false;
        }
        // A single capital is an initial ("J. Smith"); a single lower-case letter an enumeration ("a. b.").
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true;
        }
        return Abbreviations.contains(word);
    }

    private static boolean dayBeforeMonth(String text, int dot, int next) {
        if (dot == 0 || !Character.isDigit(text.charAt(dot - 1)) || dot >= 3 && Character.isDigit(text.charAt(dot - 3))) {
            return false;
        }
        int end = next;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return MONTHS.contains(text.substring(next, end).toLowerCase(Locale.ROOT));
    }

    private static int skipClosers(String text, int j) {
        while (j < text.length() && CLOSERS.indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        return j;
    }

    private static boolean isThai(String text, int i) {
        return i >= 0 && i < text.length() && text.charAt(i) >= THAI_FIRST && text.charAt(i) <= THAI_LAST;
    }

    private static void add(List<String> out, String sentence) {
        String s = sentence.strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
