package dev.kbtool.compile.offline;

import dev.kbtool.language.Language;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Extractive summary: TextRank over sentence similarity, weighted by priors for position,
 * length and form, then a redundancy-aware pick in document order.
 *
 * <p>Work is bounded: a long document's summary-worthy sentences are first cut down to
 * {@value #MAX_CANDIDATES} by their similarity to the document's centroid (linear), so the
 * quadratic graph never grows with the document.
 */
final class SentenceRanker {
    static final int MIN_SENTENCES = 3;
    static final int MAX_SENTENCES = 12;
    private static final int MAX_CANDIDATES = 400;
    /** The opening sentences always compete: that is where documents say what they are. */
    private static final int LEAD = 20;
    /** The first summary-worthy sentences, where a document usually says what it is. */
    private static final int OPENING = 15;
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 30;
    /** Total rank moved in an iteration below which the ranks have settled. */
    private static final double CONVERGED = 1e-4;
    /** A sentence this similar to one already picked adds little. */
    private static final double REDUNDANT = 0.5;
    /** Two sentences opening with this many equal words repeat one template. */
    private static final int OPENING_WORDS = 4;
    private static final Pattern DANGLING_START = Pattern.compile(
            "^(this|these|that|those|it|its|they|their|he|she|his|her|however|but|and|or|also|therefore|thus|hence|moreover|"
                    + "furthermore|in addition|additionally|for example|for instance|such|similarly|likewise|finally|then|here|"
                    + "there|so|yet|instead|otherwise|again)\\b(?! (command|document|page|package|chapter|section|book|paper|article|"
                    + "guide|manual|tutorial|function|method|class|module|library|tool|program|script|file|option|project|report)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** "X is a ...": a sentence that says what the document's subject is. */
    private static final String DEFINING = "\\s+(is|are|was|refers to|provides|describes|es|est|è|ist|é|yra)\\b";

    /** Pointers elsewhere ("For more information, see ..."): true, but not what a document says. */
    private static final Pattern POINTER = Pattern.compile(
            "^(for (more|further|detailed) (information|details)|see (also )?|refer to|please (see|refer)|more information)",
            Pattern.CASE_INSENSITIVE);
    /** An option or field explained in a list ("WITHDIST: Also return ..."). */
    private static final Pattern LABEL = Pattern.compile("^[\\p{Lu}_!\\d-]{2,}:");

    /**
     * The picked sentences.
     *
     * @param sentences the summary, in document order
     * @param ranked    the same sentences, best first
     * @param scores    their scores, in the order of {@code ranked}
     * @param opening   the best of the document's first summary-worthy sentences, picked or not; null if none
     * @param openingScore its score
     */
    record Summary(List<Sentence> sentences, List<Sentence> ranked, List<Double> scores, Sentence opening,
            double openingScore) {
        Summary {
            sentences = List.copyOf(sentences);
            ranked = List.copyOf(ranked);
            scores = List.copyOf(scores);
        }
    }

    private SentenceRanker() {
    }

    static Summary summarize(Prose prose) throws InterruptedException {
        List<Sentence> pool = pool(prose.sentences());
        if (pool.isEmpty()) {
            return new Summary(List.of(), List.of(), List.of(), null, 0);
        }
        List<String> texts = new ArrayList<>(pool.size());
        for (Sentence s : pool) {
            texts.add(s.text());
        }
        TermVectors vectors = TermVectors.of(texts, prose.language());
        double[] priors = priors(pool, prose);
        int[] candidates = candidates(vectors, priors);
        double[][] sim = similarities(vectors, candidates);
        double[] rank = pageRank(sim);
        double[] score = new double[candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            score[c] = rank[c] * candidates.length * priors[candidates[c]];
        }
        int worthy = 0;
        for (Sentence s : prose.sentences()) {
            worthy += s.summaryWorthy() ? 1 : 0;
        }
        List<Integer> picked = pick(score, sim, Math.min(target(worthy), candidates.length), pool, candidates);
        List<Sentence> ranked = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int c : picked) {
            ranked.add(pool.get(candidates[c]));
            scores.add(score[c]);
        }
        List<Sentence> ordered = new ArrayList<>(ranked);
        ordered.sort(Comparator.comparingInt(Sentence::index));
        int opening = -1;
        for (int c = 0; c < candidates.length && candidates[c] < OPENING; c++) {
            if (opening < 0 || score[c] > score[opening]) {
                opening = c;
            }
        }
        return new Summary(ordered, ranked, scores, opening < 0 ? null : pool.get(candidates[opening]),
                opening < 0 ? 0 : score[opening]);
    }

    /** 3 sentences for a short text, up to 12 for a long one, growing with the log of its length. */
    static int target(int summaryWorthy) {
        double n = MIN_SENTENCES + 1.5 * (Math.log(Math.max(1.0, summaryWorthy / 10.0)) / Math.log(2));
        return (int) Math.max(MIN_SENTENCES, Math.min(MAX_SENTENCES, Math.round(n)));
    }

    /** Summary-worthy sentences; when there are too few, plain prose fills up, in order. */
    private static List<Sentence> pool(List<Sentence> sentences) {
        List<Sentence> pool = new ArrayList<>();
        for (Sentence s : sentences) {
            if (s.summaryWorthy()) {
                pool.add(s);
            }
        }
        if (pool.size() < MIN_SENTENCES) {
            for (Sentence s : sentences) {
                if (s.prose() && !s.summaryWorthy() && pool.size() < MIN_SENTENCES) {
                    pool.add(s);
                }
            }
            pool.sort(Comparator.comparingInt(Sentence::index));
        }
        return pool;
    }

    private static double[] priors(List<Sentence> pool, Prose prose) {
        Set<String> titleTerms = new HashSet<>(TermVectors.terms(prose.title(), prose.language()));
        Pattern defining = definingPattern(prose.title());
        double[] priors = new double[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            Sentence s = pool.get(i);
            String text = s.text();
            double position = 1 + 0.5 * Math.exp(-6.0 * i / pool.size()) + (i < 3 ? 0.2 : 0);
            int words = prose.language().unspaced() ? text.length() / 3 : SentenceQuality.wordCount(text);
            double length = words < 6 ? 0.6 : words < 10 ? 0.85 : words <= 35 ? 1.0 : words <= 50 ? 0.85 : 0.6;
            double form = (s.blockStart() ? 1.1 : 1.0)
                    * (s.listItem() ? 0.85 : 1.0)
                    * (prose.language() == Language.ENGLISH && DANGLING_START.matcher(text).find() ? 0.7 : 1.0)
                    * (POINTER.matcher(text).find() ? 0.4 : 1.0)
                    * (LABEL.matcher(text).find() ? 0.6 : 1.0)
                    * (text.endsWith("?") ? 0.7 : 1.0)
                    * ("'‘\"“«»„".indexOf(text.charAt(0)) >= 0 ? 0.6 : 1.0)
                    * (s.summaryWorthy() ? 1.0 : 0.5);
            int overlap = 0;
            for (String term : new HashSet<>(TermVectors.terms(text, prose.language()))) {
                overlap += titleTerms.contains(term) ? 1 : 0;
            }
            double definition = defining != null && defining.matcher(text).lookingAt() ? 1.5 : 1.0;
            priors[i] = position * length * form * definition * (1 + 0.15 * Math.min(3, overlap));
        }
        return priors;
    }

    /** Matches sentences opening with a word of the title and a defining verb; null without a usable title. */
    private static Pattern definingPattern(String title) {
        List<String> words = new ArrayList<>();
        for (String w : title.split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3) {
                // "network" should match a title saying "Networks".
                words.add(Pattern.quote(w.endsWith("s") ? w.substring(0, w.length() - 1) : w) + "\\p{L}*");
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        return Pattern.compile("(the\\s+|a\\s+|an\\s+)?(\\S+\\s+){0,2}(" + String.join("|", words) + ")" + DEFINING,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Pool positions that enter the graph: all of a short document, else the lead and the most central. */
    private static int[] candidates(TermVectors vectors, double[] priors) throws InterruptedException {
        int n = vectors.size();
        if (n <= MAX_CANDIDATES) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        double[] centroid = new double[vectors.vocabulary()];
        for (int i = 0; i < n; i++) {
            int[] ids = vectors.ids(i);
            float[] w = vectors.weights(i);
            for (int k = 0; k < ids.length; k++) {
                centroid[ids[k]] += w[k];
            }
        }
        double norm = 0;
        for (double v : centroid) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        Integer[] order = new Integer[n - LEAD];
        double[] central = new double[n];
        for (int i = 0; i < n; i++) {
            if ((i & 1023) == 0 && Thread.interrupted()) {
                throw new InterruptedException();
            }
            central[i] = vectors.cosine(i, centroid, norm) * priors[i];
            if (i >= LEAD) {
                order[i - LEAD] = i;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(central[b], central[a]));
        int[] out = new int[MAX_CANDIDATES];
        for (int i = 0; i < LEAD; i++) {
            out[i] = i;
        }
        for (int i = LEAD; i < MAX_CANDIDATES; i++) {
            out[i] = order[i - LEAD];
        }
        Arrays.sort(out);
        return out;
    }

    private static double[][] similarities(TermVectors vectors, int[] candidates) throws InterruptedException {
        int k = candidates.length;
        double[][] sim = new double[k][k];
        for (int a = 0; a < k; a++) {
            if ((a & 63) == 0 && Thread.interrupted()) {
                throw new InterruptedException();
            }
            for (int b = a + 1; b < k; b++) {
                double s = vectors.cosine(candidates[a], candidates[b]);
                sim[a][b] = s;
                sim[b][a] = s;
            }
        }
        return sim;
    }

    /** Weighted PageRank until the ranks settle; a sentence like no other keeps the teleport share only. */
    private static double[] pageRank(double[][] sim) {
        int k = sim.length;
        // Row-normalised weights once, so that each iteration is multiply-add only.
        double[][] share = new double[k][];
        boolean[] dangling = new boolean[k];
        for (int b = 0; b < k; b++) {
            double out = 0;
            for (int a = 0; a < k; a++) {
                out += sim[b][a];
            }
            dangling[b] = out == 0;
            share[b] = new double[k];
            for (int a = 0; a < k && out > 0; a++) {
                share[b][a] = DAMPING * sim[b][a] / out;
            }
        }
        double[] rank = new double[k];
        Arrays.fill(rank, 1.0 / k);
        double[] next = new double[k];
        for (int it = 0; it < ITERATIONS; it++) {
            double lost = 0;
            for (int b = 0; b < k; b++) {
                lost += dangling[b] ? rank[b] : 0;
            }
            Arrays.fill(next, (1 - DAMPING) / k + DAMPING * lost / k);
            for (int b = 0; b < k; b++) {
                double r = rank[b];
                double[] row = share[b];
                for (int a = 0; a < k; a++) {
                    next[a] += r * row[a];
                }
            }
            double change = 0;
            for (int a = 0; a < k; a++) {
                change += Math.abs(next[a] - rank[a]);
            }
            double[] swap = rank;
            rank = next;
            next = swap;
            if (change < CONVERGED) {
                break;
            }
        }
        return rank;
    }

    /** Sentences of one template ("Package x Warning: W0031 ...") open with the same words. */
    private static boolean sameOpening(Sentence a, Sentence b) {
        String[] wa = a.text().split("\\s+", OPENING_WORDS + 1);
        String[] wb = b.text().split("\\s+", OPENING_WORDS + 1);
        if (wa.length <= OPENING_WORDS || wb.length <= OPENING_WORDS) {
            return false;
        }
        for (int i = 0; i < OPENING_WORDS; i++) {
            if (!wa[i].equalsIgnoreCase(wb[i])) {
                return false;
            }
        }
        return true;
    }

    /** Best first, skipping sentences that repeat an earlier pick. */
    private static List<Integer> pick(double[] score, double[][] sim, int count, List<Sentence> pool, int[] candidates) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        List<Integer> picked = new ArrayList<>();
        for (int c : order) {
            if (picked.size() >= count) {
                break;
            }
            boolean redundant = false;
            for (int p : picked) {
                redundant |= sim[c][p] > REDUNDANT || sameOpening(pool.get(candidates[c]), pool.get(candidates[p]));
            }
            if (!redundant) {
                picked.add(c);
            }
        }
        // A short text whose sentences overlap still gets its minimum, as long as they differ at all.
        for (int c : order) {
            if (picked.size() >= Math.min(count, MIN_SENTENCES)) {
                break;
            }
            String text = pool.get(candidates[c]).text();
            if (picked.stream().noneMatch(p -> p == c || pool.get(candidates[p]).text().equals(text))) {
                picked.add(c);
            }
        }
        return picked;
    }
}
