package dev.kbtool.search;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.PassageRow;
import dev.kbtool.catalog.RankedPassage;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.search.dense.PassageVectors;
import dev.kbtool.search.dense.TokenVectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Search over the knowledge base's passages, in two steps. The full-text index ranks every
 * passage having any of the query's terms by BM25 (fields weighted), leaving out terms most
 * passages have, which weigh nothing in BM25 and only slow it down; then the best few hundred
 * are ranked again in Java by how much of the query each has, how close together and in what
 * order ({@link Ranking}). Results come one per passage, and a document that already has
 * {@link Request#perDocument} results makes room for the others: one book cannot fill the list.
 *
 * <p>With dense retrieval on ({@code dense_search}), passages are also ranked by how close in
 * meaning they are to the query ({@link PassageVectors}), and the two rankings are fused by
 * reciprocal rank: a passage that says in other words what the query asks can come up though it
 * lacks the query's words. The meaning ranking weighs {@link #DENSE_WEIGHT} of the words': it is
 * the weaker of the two alone, and on the development questions an equal weight pushed correct
 * pages found by their words out of the top five (R@5 15/18 against 17/18 at this weight).
 * Only a query with at least one word the knowledge base has is answered at all: one that shares
 * no word with any passage finds nothing, as before, so "no match" still means it.
 */
public final class Searcher {
    /** Passages re-ranked per result asked for; the full-text ranking is good enough beyond. */
    private static final int CANDIDATES_PER_RESULT = 8;
    private static final int MIN_CANDIDATES = 80;
    private static final int MAX_CANDIDATES = 400;
    /** A term in more than this share of the passages is left out of the full-text match. */
    private static final double COMMON = 0.5;
    /** Neighbouring words matched as phrases when all words are common: the rarest pairs, this many. */
    private static final int PAIRS = 4;

    /** Reciprocal rank fusion: a passage at rank r (from 0) of a ranking gains weight / (K + r). */
    private static final int FUSION_K = 60;
    private static final double DENSE_WEIGHT = 0.3;
    /** Passages taken from the meaning ranking into the fusion. */
    private static final int DENSE_CANDIDATES = 100;
    /**
     * How close in meaning a passage without any of the query's words must be to be listed:
     * unrelated text lies near 0 (a bread recipe to "car repair": 0.05), text on the subject in
     * other words well above (car servicing to "car repair": 0.43). Without a floor, every search
     * listed unrelated passages once the related ones ran out.
     */
    private static final double MIN_SIMILARITY = 0.25;

    private final Catalog catalog;
    private final boolean dense;

    /** @param dense whether to fuse the ranking by meaning with the ranking by words */
    public Searcher(Catalog catalog, boolean dense) {
        this.catalog = catalog;
        this.dense = dense;
        if (dense) {
            TokenVectors.preload(); // while the words are counted and ranked
        }
    }

    /**
     * What to look for.
     *
     * @param text        the query as typed
     * @param limit       at most this many results
     * @param documents   only passages of these documents (names); empty for all
     * @param kinds       only passages of these kinds; empty for all
     * @param perDocument results of one document before others come first; 0 for no limit
     */
    public record Request(String text, int limit, List<String> documents, List<String> kinds, int perDocument) {
        public Request {
            documents = List.copyOf(documents);
            kinds = List.copyOf(kinds);
        }

        public static Request of(String text, int limit) {
            return new Request(text, limit, List.of(), List.of(), 3);
        }
    }

    /** The kinds of passages the index holds. */
    public static final List<String> KINDS = List.of("summary", "source", "concept", "entity", "answer");

    /** The kinds asked for, lower case, each one the index knows; a usage error otherwise. */
    public static List<String> checkKinds(List<String> kinds) {
        List<String> out = new ArrayList<>();
        for (String k : kinds) {
            String kind = k.strip().toLowerCase(java.util.Locale.ROOT);
            if (!KINDS.contains(kind)) {
                throw new KbException(ExitCode.USAGE, "unknown kind '" + k + "'; use " + String.join(", ", KINDS));
            }
            out.add(kind);
        }
        return out;
    }

    public List<SearchResult> search(Request request) {
        SearchQuery query = SearchQuery.parse(request.text());
        return query.isEmpty() ? List.of() : search(request, Relevance.of(catalog, query));
    }

    /** Searches with the term weights already known (a caller that also weighs sentences by them). */
    public List<SearchResult> search(Request request, Relevance relevance) {
        List<SearchQuery.Term> present = relevance.present();
        if (present.isEmpty()) {
            return List.of();
        }
        int candidates = Math.min(MAX_CANDIDATES, Math.max(MIN_CANDIDATES, request.limit() * CANDIDATES_PER_RESULT));
        List<RankedPassage> ranked = candidates(relevance, present, request, candidates);
        Map<Long, Double> bm25 = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (RankedPassage r : ranked) {
            bm25.put(r.id(), r.score());
            ids.add(r.id());
        }
        List<PassageRow> rows = catalog.passages().byIds(ids);
        List<Double> scores = new ArrayList<>(rows.size());
        for (PassageRow r : rows) {
            scores.add(bm25.get(r.id()));
        }
        TermMatcher matcher = relevance.matcher();
        double[] idf = relevance.rankingIdf();
        List<Ranking.Scored> scored = new Ranking(matcher, idf).score(rows, scores);
        if (dense) {
            scored = fuse(scored, request);
        }
        List<SearchResult> out = new ArrayList<>();
        for (Ranking.Scored s : spread(scored, request.perDocument(), request.limit())) {
            out.add(new SearchResult(s.row(), s.score(), Snippets.of(s.row().text(), matcher, idf)));
        }
        return out;
    }

    /**
     * The ranking by words fused with the ranking by meaning. A passage found only by meaning
     * keeps a score of 0: scores say how much of the query's words a passage has, and callers
     * that weigh passages by them (the extractive answer) should not take it for a word match.
     */
    private List<Ranking.Scored> fuse(List<Ranking.Scored> byWords, Request request) {
        float[] query = PassageVectors.query(TokenVectors.shared(), request.text());
        if (query == null) {
            return byWords;
        }
        List<RankedPassage> byMeaning = catalog.passages().closest(v -> PassageVectors.similarity(query, v),
                request.kinds(), request.documents(), DENSE_CANDIDATES);
        Map<Long, Double> fused = new HashMap<>();
        Map<Long, Ranking.Scored> passages = new HashMap<>();
        for (int r = 0; r < byWords.size(); r++) {
            Ranking.Scored s = byWords.get(r);
            passages.put(s.row().id(), s);
            fused.merge(s.row().id(), 1.0 / (FUSION_K + r), Double::sum);
        }
        List<Long> onlyByMeaning = new ArrayList<>();
        for (int r = 0; r < byMeaning.size(); r++) {
            RankedPassage close = byMeaning.get(r);
            boolean byWordsToo = passages.containsKey(close.id());
            if (!byWordsToo && close.score() < MIN_SIMILARITY) {
                continue;
            }
            fused.merge(close.id(), DENSE_WEIGHT / (FUSION_K + r), Double::sum);
            if (!byWordsToo) {
                onlyByMeaning.add(close.id());
            }
        }
        for (PassageRow row : catalog.passages().byIds(onlyByMeaning)) {
            passages.put(row.id(), new Ranking.Scored(row, 0));
        }
        List<Ranking.Scored> out = new ArrayList<>(passages.values());
        out.sort(Comparator.comparingDouble((Ranking.Scored s) -> fused.get(s.row().id())).reversed()
                .thenComparing(s -> s.row().id()));
        return out;
    }

    /**
     * The passages worth ranking again. Terms in most passages weigh nothing in BM25 (its idf is
     * floored there) but make it score every passage, so the full-text match leaves them out.
     * When every term is that common, words alone tell passages apart no better than chance:
     * the query's neighbouring words standing together do (the {@link #PAIRS} rarest pairs, as
     * phrases, which match far fewer passages). Only if no pair stands together anywhere are all
     * passages ranked.
     */
    private List<RankedPassage> candidates(Relevance relevance, List<SearchQuery.Term> present, Request request,
            int candidates) {
        List<SearchQuery.Term> selective = relevance.rarerThan(Math.max(1, catalog.passages().count()), COMMON);
        if (!selective.isEmpty()) {
            return catalog.passages().rank(SearchQuery.anyOf(selective), request.kinds(), request.documents(), candidates);
        }
        String pairs = SearchQuery.neighbours(present,
                Comparator.comparingInt(pair -> relevance.df(pair[0]) + relevance.df(pair[1])), PAIRS);
        if (!pairs.isEmpty()) {
            List<RankedPassage> together = catalog.passages().rank(pairs, request.kinds(), request.documents(), candidates);
            if (!together.isEmpty()) {
                return together;
            }
        }
        return catalog.passages().rank(SearchQuery.anyOf(present), request.kinds(), request.documents(), candidates);
    }

    /**
     * The best {@code limit} passages, a document's beyond its first {@code perDocument} moved
     * after the other documents' (not dropped: a knowledge base of one book still fills the list).
     */
    private static List<Ranking.Scored> spread(List<Ranking.Scored> scored, int perDocument, int limit) {
        if (perDocument <= 0) {
            return scored.subList(0, Math.min(limit, scored.size()));
        }
        List<Ranking.Scored> first = new ArrayList<>();
        List<Ranking.Scored> later = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Ranking.Scored s : scored) {
            String doc = s.row().document();
            if (doc != null && seen.merge(doc, 1, Integer::sum) > perDocument) {
                later.add(s);
            } else {
                first.add(s);
            }
        }
        first.addAll(later);
        return first.subList(0, Math.min(limit, first.size()));
    }
}
