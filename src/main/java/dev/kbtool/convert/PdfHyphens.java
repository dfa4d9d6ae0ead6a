package dev.kbtool.convert;

import dev.kbtool.text.LineJoin;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides the hyphens at line ends of one PDF by what the rest of the document writes. A hyphen
 * goes when it only broke a word for the line: the word occurs whole elsewhere ("experi-" +
 * "ment"), or its hyphenated form occurs nowhere else. It stays in a compound: the hyphenated
 * form occurs elsewhere and the whole word does not ("pre-" + "training"), or either half
 * already holds a hyphen ("state-of-" + "the-art", "English-" + "to-German"), which a word
 * broken for the line never does.
 */
final class PdfHyphens implements LineJoin.Hyphens {
    private final Map<String, Integer> words;

    private PdfHyphens(Map<String, Integer> words) {
        this.words = words;
    }

    /** Counts the words of every line of the document; word halves at line ends do not count. */
    static PdfHyphens of(List<List<PdfBlock>> pages) {
        Map<String, Integer> words = new HashMap<>();
        for (List<PdfBlock> page : pages) {
            for (PdfBlock block : page) {
                boolean broken = false;
                for (PdfLine line : block.lines()) {
                    broken = count(line.text(), broken, words);
                }
            }
        }
        return new PdfHyphens(words);
    }

    /** Adds the words of one line; returns whether the line ends in a hyphen (its last word is a half). */
    private static boolean count(String line, boolean startsWithHalf, Map<String, Integer> words) {
        int i = 0;
        int n = line.length();
        boolean first = true;
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String token = line.substring(start, i);
            boolean half = first && startsWithHalf || i == n && endsWithHyphen(token);
            first = false;
            if (!half) {
                String word = LineJoin.trimPunctuation(token).toLowerCase(Locale.ROOT);
                if (!word.isEmpty()) {
                    words.merge(word, 1, Integer::sum);
                }
            }
        }
        return !line.isEmpty() && endsWithHyphen(line);
    }

    private static boolean endsWithHyphen(String s) {
        char c = s.charAt(s.length() - 1);
        return c == '-' || c == '\u2010' || c == '\u00AD';
    }

    @Override
    public boolean keep(String before, String after) {
        if (before.indexOf('-') >= 0 || after.indexOf('-') >= 0 || before.indexOf('\u2010') >= 0) {
            return true;
        }
        String b = before.toLowerCase(Locale.ROOT);
        String a = after.toLowerCase(Locale.ROOT);
        int whole = words.getOrDefault(b + a, 0);
        int hyphenated = words.getOrDefault(b + "-" + a, 0) + words.getOrDefault(b + "\u2010" + a, 0);
        return whole == 0 && hyphenated > 0;
    }
}
