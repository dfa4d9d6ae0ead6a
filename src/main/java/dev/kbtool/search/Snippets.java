package dev.kbtool.search;

import dev.kbtool.text.ShortText;
import java.util.ArrayList;
import java.util.List;

/**
 * The piece of a passage a result shows: the stretch of about {@value #WORDS} words holding the
 * most of the query (by weight), the matched words in {@code **bold**}, {@code …} where text was cut.
 */
final class Snippets {
    static final int WORDS = 30;

    private Snippets() {
    }

    static String of(String text, TermMatcher matcher, double[] idf) {
        List<Tokens.Token> tokens = matcher.tokens(text);
        if (tokens.isEmpty()) {
            return ShortText.oneLine(text, 200);
        }
        List<String> words = new ArrayList<>(tokens.size());
        for (Tokens.Token t : tokens) {
            words.add(t.stem());
        }
        List<List<Integer>> at = matcher.occurrences(words);
        boolean[] hit = new boolean[tokens.size()];
        int[] termAt = new int[tokens.size()];
        java.util.Arrays.fill(termAt, -1);
        for (int t = 0; t < at.size(); t++) {
            int length = matcher.terms().get(t).stems().size();
            for (int p : at.get(t)) {
                for (int k = p; k < p + length && k < hit.length; k++) {
                    hit[k] = true;
                }
                termAt[p] = t;
            }
        }
        int start = bestStart(termAt, idf, tokens.size());
        int end = Math.min(tokens.size(), start + WORDS);
        return render(text, tokens, hit, start, end);
    }

    /** The first word of the window of {@link #WORDS} words with the most distinct terms by weight. */
    private static int bestStart(int[] termAt, double[] idf, int n) {
        int[] count = new int[idf.length];
        double weight = 0;
        double best = -1;
        int bestStart = 0;
        for (int right = 0; right < n; right++) {
            if (termAt[right] >= 0 && count[termAt[right]]++ == 0) {
                weight += idf[termAt[right]];
            }
            int left = right - WORDS + 1;
            if (left > 0 && termAt[left - 1] >= 0 && --count[termAt[left - 1]] == 0) {
                weight -= idf[termAt[left - 1]];
            }
            if (weight > best + 1e-12) {
                best = weight;
                bestStart = Math.max(0, left);
            }
        }
        // Start a little before the first match, so the reader sees what leads to it.
        int first = bestStart;
        while (first < n && termAt[first] < 0 && first < bestStart + WORDS) {
            first++;
        }
        return Math.max(0, Math.min(first - 4, Math.max(0, n - WORDS)));
    }

    private static String render(String text, List<Tokens.Token> tokens, boolean[] hit, int start, int end) {
        int from = start == 0 ? 0 : tokens.get(start).start();
        int to = end >= tokens.size() ? text.length() : tokens.get(end - 1).end();
        StringBuilder out = new StringBuilder();
        if (from > 0) {
            out.append('…');
        }
        int pos = from;
        int i = start;
        while (i < end) {
            Tokens.Token t = tokens.get(i);
            if (!hit[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < end && hit[j + 1]) {
                j++;
            }
            out.append(text, pos, t.start()).append("**").append(text, t.start(), tokens.get(j).end()).append("**");
            pos = tokens.get(j).end();
            i = j + 1;
        }
        out.append(text, pos, to);
        if (to < text.length()) {
            out.append('…');
        }
        return SearchText.readable(out.toString().replace('\n', ' ').strip());
    }
}
