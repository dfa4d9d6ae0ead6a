package dev.kbtool.compile.offline;

import dev.kbtool.language.Language;
import dev.kbtool.text.Scripts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF vectors of a set of sentences, for sentence similarity. Terms are content words
 * (stop words out, English plurals folded, other languages cut to a stem-like prefix) or,
 * for scripts written without spaces, pairs of adjacent characters.
 */
final class TermVectors {
    /** Prefix kept of words in inflected languages: a cheap stand-in for stemming. */
    private static final int PREFIX = 7;

    private final int[][] ids;
    private final float[][] weights;
    private final int vocabulary;

    private TermVectors(int[][] ids, float[][] weights, int vocabulary) {
        this.ids = ids;
        this.weights = weights;
        this.vocabulary = vocabulary;
    }

    static TermVectors of(List<String> texts, Language language) {
        Map<String, Integer> vocab = new HashMap<>();
        int[][] ids = new int[texts.size()][];
        int[][] counts = new int[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            List<String> terms = terms(texts.get(i), language);
            int[] all = new int[terms.size()];
            for (int k = 0; k < all.length; k++) {
                all[k] = vocab.computeIfAbsent(terms.get(k), t -> vocab.size());
            }
            Arrays.sort(all);
            int distinct = 0;
            for (int k = 0; k < all.length; k++) {
                if (k == 0 || all[k] != all[k - 1]) {
                    distinct++;
                }
            }
            ids[i] = new int[distinct];
            counts[i] = new int[distinct];
            for (int k = 0, d = -1; k < all.length; k++) {
                if (k == 0 || all[k] != all[k - 1]) {
                    ids[i][++d] = all[k];
                }
                counts[i][d]++;
            }
        }
        int[] df = new int[vocab.size()];
        for (int[] row : ids) {
            for (int id : row) {
                df[id]++;
            }
        }
        float[][] weights = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            weights[i] = new float[ids[i].length];
            double norm = 0;
            for (int k = 0; k < ids[i].length; k++) {
                double w = (1 + Math.log(counts[i][k])) * Math.log(1.0 + (double) texts.size() / df[ids[i][k]]);
                weights[i][k] = (float) w;
                norm += w * w;
            }
            if (norm > 0) {
                float inv = (float) (1 / Math.sqrt(norm));
                for (int k = 0; k < weights[i].length; k++) {
                    weights[i][k] *= inv;
                }
            }
        }
        return new TermVectors(ids, weights, vocab.size());
    }

    int size() {
        return ids.length;
    }

    int[] ids(int sentence) {
        return ids[sentence];
    }

    float[] weights(int sentence) {
        return weights[sentence];
    }

    int vocabulary() {
        return vocabulary;
    }

    /** Cosine similarity of two sentences' vectors (they are unit length). */
    double cosine(int a, int b) {
        int[] ia = ids[a];
        int[] ib = ids[b];
        double dot = 0;
        for (int i = 0, j = 0; i < ia.length && j < ib.length; ) {
            if (ia[i] == ib[j]) {
                dot += weights[a][i++] * weights[b][j++];
            } else if (ia[i] < ib[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    /** Cosine similarity of a sentence to a dense vector over the vocabulary. */
    double cosine(int a, double[] dense, double denseNorm) {
        if (denseNorm == 0) {
            return 0;
        }
        double dot = 0;
        for (int k = 0; k < ids[a].length; k++) {
            dot += weights[a][k] * dense[ids[a][k]];
        }
        return dot / denseNorm;
    }

    /** The terms of one text, with repeats. */
    static List<String> terms(String text, Language language) {
        List<String> out = new ArrayList<>();
        Set<String> stop = language.stopWords();
        String lower = text.toLowerCase(Locale.ROOT);
        if (language.unspaced()) {
            addCharacterPairs(lower, out);
        }
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean wordChar = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i))
                    || i < lower.length() && Character.getType(lower.charAt(i)) == Character.NON_SPACING_MARK;
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                addWord(lower.substring(start, i), language, stop, out);
                start = -1;
            }
        }
        return out;
    }

    private static void addWord(String word, Language language, Set<String> stop, List<String> out) {
        if (word.length() >= 2 && !stop.contains(word) && Character.isLetter(word.charAt(0)) && !Scripts.unspaced(word.codePointAt(0))) {
            out.add(language == Language.ENGLISH ? foldPlural(word) : prefix(word));
        }
    }

    private static void addCharacterPairs(String text, List<String> out) {
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Scripts.unspaced(cp)) {
                if (previous >= 0) {
                    out.add(new String(new int[] {previous, cp}, 0, 2));
                }
                previous = cp;
            } else {
                previous = -1;
            }
        }
    }

    private static String foldPlural(String word) {
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.endsWith("ies") ? word.substring(0, word.length() - 3) + "y" : word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static String prefix(String word) {
        return word.codePointCount(0, word.length()) > PREFIX ? word.substring(0, word.offsetByCodePoints(0, PREFIX)) : word;
    }
}
