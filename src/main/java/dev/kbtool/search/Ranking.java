package dev.kbtool.search;

import dev.kbtool.catalog.PassageRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders the passages BM25 found by how well they answer the whole query. BM25 over OR-ed terms
 * finds passages that have some of the words; a question's keywords are answered by the passage
 * that has most of them (coverage, weighted by how rare each word is), close together (the best
 * window of {@value #WINDOW} words), with the words of the query side by side as typed (pairs).
 */
final class Ranking {
    /** Words in a window: about a sentence. */
    static final int WINDOW = 16;
    /** Positions between fields, so no window or pair spans the title and the body. */
    private static final int FIELD_GAP = WINDOW + 2;

    private static final double W_BM25 = 0.4;
    private static final double W_COVERAGE = 0.35;
    private static final double W_WINDOW = 0.15;
    private static final double W_PAIRS = 0.1;

    /**
     * A concept or entity page gathers sentences from many documents: matching the query in them
     * without its name being in the query says little about the page.
     */
    private static final double TOPIC_ELSEWHERE = 0.6;

    private final TermMatcher matcher;
    private final double[] idf;
    private final double idfSum;

    /**
     * @param matcher finds the query's terms
     * @param idf     how telling each term is (by index), 0 for terms no passage has
     */
    Ranking(TermMatcher matcher, double[] idf) {
        this.matcher = matcher;
        this.idf = idf;
        double sum = 0;
        for (double d : idf) {
            sum += d;
        }
        this.idfSum = sum;
    }

    /** A passage with its score. */
    record Scored(PassageRow row, double score) {
    }

    /** The passages with their final scores; {@code bm25} the index's scores, by position. */
    List<Scored> score(List<PassageRow> rows, List<Double> bm25) {
        double best = 0;
        for (double b : bm25) {
            best = Math.max(best, b);
        }
        List<Scored> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            double base = best > 0 ? bm25.get(i) / best : 0;
            PassageRow row = rows.get(i);
            double score = W_BM25 * base + features(row);
            out.add(new Scored(row, aboutAnotherTopic(row) ? score * TOPIC_ELSEWHERE : score));
        }
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    /** A topic page whose name has none of the query's terms. */
    private boolean aboutAnotherTopic(PassageRow row) {
        if (!row.kind().equals("concept") && !row.kind().equals("entity")) {
            return false;
        }
        for (List<Integer> at : matcher.find(0, row.title()).at) {
            if (!at.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private double features(PassageRow row) {
        if (idfSum <= 0) {
            return 0;
        }
        List<List<Integer>> at = matcher.find(FIELD_GAP, row.title(), row.headings(), row.summary(), row.body()).at;
        double covered = 0;
        for (int t = 0; t < at.size(); t++) {
            if (!at.get(t).isEmpty()) {
                covered += idf[t];
            }
        }
        return W_COVERAGE * covered / idfSum + W_WINDOW * bestWindow(at, idf, WINDOW) / idfSum
                + W_PAIRS * pairs(at);
    }

    /** The most term weight (each term once) found within any {@code window} consecutive words. */
    static double bestWindow(List<List<Integer>> at, double[] idf, int window) {
        List<int[]> hits = new ArrayList<>();
        for (int t = 0; t < at.size(); t++) {
            for (int p : at.get(t)) {
                hits.add(new int[] {p, t});
            }
        }
        hits.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] count = new int[at.size()];
        double inWindow = 0;
        double best = 0;
        int left = 0;
        for (int[] hit : hits) {
            if (count[hit[1]]++ == 0) {
                inWindow += idf[hit[1]];
            }
            while (hit[0] - hits.get(left)[0] >= window) {
                int[] out = hits.get(left++);
                if (--count[out[1]] == 0) {
                    inWindow -= idf[out[1]];
                }
            }
            best = Math.max(best, inWindow);
        }
        return best;
    }

    /** The share of the query's neighbouring terms (by weight) that follow each other in the passage too. */
    private double pairs(List<List<Integer>> at) {
        List<SearchQuery.Term> terms = matcher.terms();
        double found = 0;
        double all = 0;
        for (int t = 0; t + 1 < terms.size(); t++) {
            double w = Math.min(idf[t], idf[t + 1]);
            all += w;
            int length = terms.get(t).stems().size();
            if (follows(at.get(t), at.get(t + 1), length)) {
                found += w;
            }
        }
        return all > 0 ? found / all : 0;
    }

    /** Whether some occurrence of the second term starts right after (or one word after) one of the first. */
    private static boolean follows(List<Integer> first, List<Integer> second, int firstLength) {
        if (first.isEmpty() || second.isEmpty()) {
            return false;
        }
        java.util.Set<Integer> starts = new java.util.HashSet<>(second);
        for (int p : first) {
            if (starts.contains(p + firstLength) || starts.contains(p + firstLength + 1)) {
                return true;
            }
        }
        return false;
    }
}
