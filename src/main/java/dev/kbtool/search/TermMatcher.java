package dev.kbtool.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a query's terms in a passage's words: where each term occurs (a phrase where its words
 * follow each other, a prefix where a word starts with it). One per search; it remembers the
 * stems of words it has seen, as the same words recur in every passage.
 */
final class TermMatcher {
    private final List<SearchQuery.Term> terms;
    private final Map<String, String> stems = new HashMap<>();

    TermMatcher(List<SearchQuery.Term> terms) {
        this.terms = terms;
    }

    List<SearchQuery.Term> terms() {
        return terms;
    }

    /** The words of a text with their stems, remembered across calls. */
    List<Tokens.Token> tokens(String text) {
        List<Tokens.Token> raw = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Tokens.wordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && Tokens.wordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            String word = text.substring(start, i);
            String stem = stems.computeIfAbsent(word, w -> {
                List<String> s = Tokens.stems(w);
                return s.isEmpty() ? "" : s.get(0);
            });
            raw.add(new Tokens.Token(stem, start, i));
        }
        return raw;
    }

    /**
     * For each term (by index), the positions in {@code words} where it starts.
     *
     * @param words stems of a passage's words, in order
     */
    List<List<Integer>> occurrences(List<String> words) {
        List<List<Integer>> out = new ArrayList<>(terms.size());
        for (SearchQuery.Term t : terms) {
            List<Integer> at = new ArrayList<>();
            List<String> s = t.stems();
            for (int i = 0; i + s.size() <= words.size(); i++) {
                if (matchesAt(words, i, s, t.prefix())) {
                    at.add(i);
                }
            }
            out.add(at);
        }
        return out;
    }

    private static boolean matchesAt(List<String> words, int i, List<String> stems, boolean prefix) {
        for (int k = 0; k < stems.size(); k++) {
            String w = words.get(i + k);
            boolean last = k == stems.size() - 1;
            if (!(w.equals(stems.get(k)) || last && prefix && w.startsWith(stems.get(k)))) {
                return false;
            }
        }
        return true;
    }
}
