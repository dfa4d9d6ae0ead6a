package dev.kbtool.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * "Did you mean": the names closest to a mistyped one, by edit distance with transpositions
 * (so "lsit" finds "list" before "init"), at most two edits away.
 */
final class Suggestions {
    private static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    static List<String> closest(String typed, Collection<String> names) {
        return names.stream()
                .filter(n -> distance(typed, n) <= Math.min(MAX_DISTANCE, Math.max(1, n.length() / 2)))
                .sorted(Comparator.comparingInt((String n) -> distance(typed, n)).thenComparing(n -> n))
                .limit(3).toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
