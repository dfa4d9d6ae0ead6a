package dev.kbtool.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a query's terms in text: where each term occurs (a phrase where its words follow each
 * other, a prefix where a word starts with it). Ranking reads every word of a few hundred
 * passages per query, so most words are dismissed by their first letters before they are
 * stemmed: a Porter stem keeps the word's beginning, all but its last letter.
 */
final class TermMatcher {
    /** Words whose stems are remembered across searches; cleared when full. */
    private static final int CACHE = 200_000;
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();
    /** How many leading letters of a word are compared before it is stemmed. */
    private static final int HEAD = 3;

    private final List<SearchQuery.Term> terms;
    /** Stem → the (term, index in the term) it is part of; the last stem of a prefix term not here. */
    private final Map<String, List<int[]>> parts = new HashMap<>();
    /** (term, index) of the last stems of prefix terms. */
    private final List<int[]> prefixes = new ArrayList<>();
    private final Set<String> heads = new HashSet<>();
    private final int[] lengths;

    TermMatcher(List<SearchQuery.Term> terms) {
        this.terms = terms;
        this.lengths = new int[terms.size()];
        for (int t = 0; t < terms.size(); t++) {
            List<String> stems = terms.get(t).stems();
            lengths[t] = stems.size();
            for (int k = 0; k < stems.size(); k++) {
                String s = stems.get(k);
                heads.add(head(s, !(terms.get(t).prefix() && k == stems.size() - 1)));
                if (terms.get(t).prefix() && k == stems.size() - 1) {
                    prefixes.add(new int[] {t, k});
                } else {
                    parts.computeIfAbsent(s, x -> new ArrayList<>()).add(new int[] {t, k});
                }
            }
        }
    }

    List<SearchQuery.Term> terms() {
        return terms;
    }

    /** The part of a stem a word must start with to have it: all but the last letter, at most {@link #HEAD}. */
    private static String head(String stem, boolean whole) {
        int n = whole ? Math.min(HEAD, Math.max(1, stem.length() - 1)) : Math.min(HEAD, stem.length());
        return stem.substring(0, n);
    }

    /**
     * The words of some fields of text, numbered in one sequence with {@code gap} positions between
     * fields, and where in it each term starts.
     */
    Found find(int gap, String... fields) {
        Found found = new Found(terms.size());
        Map<Long, Integer> partial = new HashMap<>();
        int position = 0;
        for (String text : fields) {
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
                if (mayMatch(text, start, i)) {
                    match(stem(text.substring(start, i)), position, found, partial);
                }
                position++;
            }
            found.words = position;
            position += gap;
        }
        return found;
    }

    /** Whether the word's first letters are those of some stem of the query. */
    private boolean mayMatch(String text, int start, int end) {
        String head = Tokens.fold(text.substring(start, Math.min(end, start + HEAD)));
        for (int n = 1; n <= head.length(); n++) {
            if (heads.contains(head.substring(0, n))) {
                return true;
            }
        }
        // Accents and case folded differently, or a head longer than the word: ask the stem.
        return text.charAt(start) >= 0x80;
    }

    private void match(String stem, int position, Found found, Map<Long, Integer> partial) {
        List<int[]> exact = parts.getOrDefault(stem, List.of());
        List<int[]> all = exact;
        if (!prefixes.isEmpty()) {
            all = new ArrayList<>(exact);
            for (int[] p : prefixes) {
                if (stem.startsWith(terms.get(p[0]).stems().get(p[1]))) {
                    all.add(p);
                }
            }
        }
        for (int[] part : all) {
            int term = part[0];
            int first = position - part[1];
            if (first < 0) {
                continue;
            }
            long key = (long) term << 32 | first;
            int matched = lengths[term] == 1 ? 1 : partial.merge(key, 1, Integer::sum);
            if (matched == lengths[term] && (lengths[term] == 1 || part[1] == lengths[term] - 1)) {
                found.at.get(term).add(first);
                for (int w = first; w <= position; w++) {
                    found.matchedWords.add(w);
                }
            }
        }
    }

    /** The Porter stem of a word, as the index reads it; remembered. */
    static String stem(String word) {
        String s = STEMS.get(word);
        if (s == null) {
            List<String> stems = Tokens.stems(word);
            s = stems.isEmpty() ? "" : stems.get(0);
            if (STEMS.size() >= CACHE) {
                STEMS.clear();
            }
            STEMS.put(word, s);
        }
        return s;
    }

    /** Where a query's terms are in some text. */
    static final class Found {
        /** Per term, the word positions where it starts. */
        final List<List<Integer>> at;
        /** Word positions inside a whole occurrence of some term (a phrase's first word alone is not). */
        final Set<Integer> matchedWords = new HashSet<>();
        /** Words read, in the last field. */
        int words;

        Found(int terms) {
            at = new ArrayList<>(terms);
            for (int t = 0; t < terms; t++) {
                at.add(new ArrayList<>());
            }
        }
    }
}
