package dev.kbtool.search;

import dev.kbtool.text.ShortText;
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
        List<int[]> words = Tokens.spans(text);
        if (words.isEmpty()) {
            return ShortText.oneLine(text, 200);
        }
        TermMatcher.Found found = matcher.find(0, text);
        boolean[] hit = new boolean[words.size()];
        for (int position : found.matchedWords) {
            if (position < hit.length) {
                hit[position] = true;
            }
        }
        int[] termAt = new int[words.size()];
        java.util.Arrays.fill(termAt, -1);
        for (int t = 0; t < found.at.size(); t++) {
            for (int p : found.at.get(t)) {
                if (p < termAt.length) {
                    termAt[p] = t;
                }
            }
        }
        int start = bestStart(termAt, idf, words.size());
        int end = Math.min(words.size(), start + WORDS);
        return render(text, words, hit, start, end);
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

    private static String render(String text, List<int[]> tokens, boolean[] hit, int start, int end) {
        int from = start == 0 ? 0 : tokens.get(start)[0];
        int to = end >= tokens.size() ? text.length() : tokens.get(end - 1)[1];
        StringBuilder out = new StringBuilder();
        if (from > 0) {
            out.append('…');
        }
        int pos = from;
        int i = start;
        while (i < end) {
            int[] t = tokens.get(i);
            if (!hit[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < end && hit[j + 1]) {
                j++;
            }
            out.append(text, pos, t[0]).append("**").append(text, t[0], tokens.get(j)[1]).append("**");
            pos = tokens.get(j)[1];
            i = j + 1;
        }
        out.append(text, pos, to);
        if (to < text.length()) {
            out.append('…');
        }
        return SearchText.readable(out.toString().replace('\n', ' ').strip());
    }
}
