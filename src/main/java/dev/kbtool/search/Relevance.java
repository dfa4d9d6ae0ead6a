package dev.kbtool.search;

import dev.kbtool.catalog.Catalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of a query a text has. Every term is weighted by how rare it is in the knowledge
 * base (inverse document frequency over passages); a term no passage has weighs most of all,
 * since a question about something the knowledge base never mentions is not answered by text
 * that has only its other words.
 */
public final class Relevance {
    private final SearchQuery query;
    private final TermMatcher matcher;
    private final int[] df;
    private final double[] idf;
    private final double[] rankingIdf;
    private final double idfSum;

    private Relevance(SearchQuery query, int total, int[] df) {
        this.query = query;
        this.matcher = new TermMatcher(query.terms());
        this.df = df;
        this.idf = new double[df.length];
        this.rankingIdf = new double[df.length];
        double sum = 0;
        for (int i = 0; i < df.length; i++) {
            idf[i] = Math.log(1 + (total - df[i] + 0.5) / (df[i] + 0.5));
            rankingIdf[i] = df[i] == 0 ? 0 : idf[i];
            sum += idf[i];
        }
        this.idfSum = sum;
    }

    /**
     * The weights of a query's terms in a knowledge base: one count of matching passages per term.
     * A word typed with hyphens that no passage has as written ("block-trading") is looked for
     * as its words: people join words that the documents keep apart.
     */
    public static Relevance of(Catalog catalog, SearchQuery query) {
        int total = Math.max(1, catalog.passages().count());
        Map<SearchQuery.Term, Integer> counts = new HashMap<>();
        List<SearchQuery.Term> compoundsAbsent = new ArrayList<>();
        for (SearchQuery.Term t : query.terms()) {
            int n = count(catalog, t, total);
            counts.put(t, n);
            if (!t.quoted() && !t.word() && n == 0) {
                compoundsAbsent.add(t);
            }
        }
        SearchQuery q = compoundsAbsent.isEmpty() ? query : query.splitting(compoundsAbsent);
        int[] df = new int[q.terms().size()];
        for (int i = 0; i < df.length; i++) {
            SearchQuery.Term t = q.terms().get(i);
            Integer known = counts.get(t);
            df[i] = known != null ? known : count(catalog, t, total);
        }
        return new Relevance(q, total, df);
    }

    /** Passages having the term; past half of them a term weighs next to nothing and is left out of matching anyway. */
    private static int count(Catalog catalog, SearchQuery.Term term, int total) {
        return catalog.passages().matchCount(term.fts(), total / 2 + 1);
    }

    public SearchQuery query() {
        return query;
    }

    /** The terms some passage has. */
    List<SearchQuery.Term> present() {
        List<SearchQuery.Term> out = new ArrayList<>();
        for (int i = 0; i < df.length; i++) {
            if (df[i] > 0) {
                out.add(query.terms().get(i));
            }
        }
        return out;
    }

    /** How many passages have the term (counted up to just past half of them). */
    int df(SearchQuery.Term term) {
        return df[query.terms().indexOf(term)];
    }

    /** The terms at most {@code share} of the passages have. */
    List<SearchQuery.Term> rarerThan(int total, double share) {
        List<SearchQuery.Term> out = new ArrayList<>();
        for (int i = 0; i < df.length; i++) {
            if (df[i] > 0 && df[i] <= total * share) {
                out.add(query.terms().get(i));
            }
        }
        return out;
    }

    TermMatcher matcher() {
        return matcher;
    }

    /** Term weights for ranking passages: terms no passage has weigh nothing there. */
    double[] rankingIdf() {
        return rankingIdf;
    }

    /** The share of the query's weight found in {@code text} (each term once). */
    public double coverage(String text) {
        if (idfSum <= 0) {
            return 0;
        }
        List<List<Integer>> at = matcher.find(0, text).at;
        double covered = 0;
        for (int t = 0; t < at.size(); t++) {
            if (!at.get(t).isEmpty()) {
                covered += idf[t];
            }
        }
        return covered / idfSum;
    }

    /**
     * Like {@link #coverage(String)}, with the terms found only in {@code context} (the title
     * of the document or section the text stands in) counting {@code contextWeight} as much.
     */
    public double coverage(String text, String context, double contextWeight) {
        if (idfSum <= 0) {
            return 0;
        }
        List<List<Integer>> in = matcher.find(0, text).at;
        List<List<Integer>> around = matcher.find(0, context).at;
        double covered = 0;
        for (int t = 0; t < in.size(); t++) {
            if (!in.get(t).isEmpty()) {
                covered += idf[t];
            } else if (!around.get(t).isEmpty()) {
                covered += contextWeight * idf[t];
            }
        }
        return covered / idfSum;
    }

    /** How many of the query's terms {@code text} has. */
    public int termsIn(String text) {
        int n = 0;
        for (List<Integer> at : matcher.find(0, text).at) {
            if (!at.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** The share of the query's weight that some stretch of {@code window} words of {@code text} holds. */
    public double windowCoverage(String text, int window) {
        if (idfSum <= 0) {
            return 0;
        }
        return Ranking.bestWindow(matcher.find(0, text).at, idf, window) / idfSum;
    }

    /** The text with the query's words in {@code **bold**}, cut to the best {@code words} words if longer. */
    public String highlight(String text) {
        return Snippets.of(text, matcher, rankingIdf);
    }
}
