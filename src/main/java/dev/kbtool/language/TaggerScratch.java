package dev.kbtool.language;

import java.util.HashMap;
import java.util.Map;
import opennlp.tools.ml.model.Context;
import opennlp.tools.postag.POSContextGenerator;

/**
 * One thread's working memory for {@link PosTagger}: the weights of each word seen lately,
 * gathered once. The model's feature generator is asked once per new word, for the word alone;
 * its own features (the word, prefixes, suffixes, shape) are summed into one vector, and the
 * features it lends its neighbours ({@code p1w=}, {@code n2w=}, ...) are looked up and kept,
 * as are the previous-tag ({@code t=}, {@code t2=}) and sentence-start features.
 */
final class TaggerScratch {
    /** Words remembered at most; about 12 MB. Beyond it the memory starts over. */
    static final int MAX_WORDS = 30_000;
    /** Marks a feature the model does not know. */
    private static final Context ABSENT = new Context(new int[0], new double[0]);
    /** Prefix of the generator's sentence-position feature. */
    private static final String SENTENCE_START = "S=";

    /** A word's summed own weights and the features it gives the tokens around it. */
    record Word(double[] own, Context previous, Context beforePrevious, Context next, Context afterNext) {
    }

    private final POSContextGenerator generator;
    private final Map<String, Context> features;
    private final String[] outcomeNames;
    private final int outcomes;
    private final Map<String, Word> words = new HashMap<>();
    private final Context[] previousTag;
    private final Context[] previousTwoTags;
    private final double[] sums;
    private final Context[] sentenceStart;

    TaggerScratch(POSContextGenerator generator, Map<String, Context> features, String[] outcomeNames) {
        this.generator = generator;
        this.features = features;
        this.outcomeNames = outcomeNames;
        this.outcomes = outcomeNames.length;
        this.previousTag = new Context[outcomes];
        this.previousTwoTags = new Context[outcomes * outcomes];
        this.sums = new double[outcomes];
        // The generator marks the first token of a sentence; its window repeats the mark, with
        // the same prefixes as for words, on the next two.
        String mark = null;
        for (String f : generator.getContext(0, new String[] {"x"}, new String[1], null)) {
            if (f.startsWith(SENTENCE_START)) {
                mark = f;
            }
        }
        this.sentenceStart = mark == null ? new Context[0] : new Context[] {lookup(mark), lookup("p1" + mark), lookup("p2" + mark)};
    }

    Word[] words(String[] sentence) {
        Word[] out = new Word[sentence.length];
        for (int i = 0; i < sentence.length; i++) {
            if (words.size() >= MAX_WORDS) {
                words.clear();
            }
            out[i] = words.computeIfAbsent(sentence[i], this::word);
        }
        return out;
    }

    int remembered() {
        return words.size();
    }

    /**
     * The weight sums of every outcome for token {@code i}, given the outcomes chosen before
     * it: the model's score before normalisation. The returned array is reused by the next call.
     */
    double[] sums(int i, Word[] sentence, int[] chosen) {
        System.arraycopy(sentence[i].own(), 0, sums, 0, outcomes);
        if (i >= 1) {
            add(sentence[i - 1].previous());
            add(tagFeature(chosen[i - 1]));
        }
        if (i >= 2) {
            add(sentence[i - 2].beforePrevious());
            add(tagsFeature(chosen[i - 2], chosen[i - 1]));
        }
        if (i + 1 < sentence.length) {
            add(sentence[i + 1].next());
        }
        if (i + 2 < sentence.length) {
            add(sentence[i + 2].afterNext());
        }
        if (i < sentenceStart.length) {
            add(sentenceStart[i]);
        }
        return sums;
    }

    private Word word(String text) {
        // Alone in a sentence, a word has only its own features and the sentence-start mark.
        String[] alone = generator.getContext(0, new String[] {text}, new String[1], null);
        double[] own = new double[outcomes];
        String wordFeature = null;
        for (String f : alone) {
            if (f.startsWith(SENTENCE_START)) {
                continue;
            }
            if (f.startsWith("w=")) {
                wordFeature = f;
            }
            Context c = features.get(f);
            if (c != null) {
                int[] o = c.getOutcomes();
                double[] p = c.getParameters();
                for (int k = 0; k < o.length; k++) {
                    own[o[k]] += p[k];
                }
            }
        }
        if (wordFeature == null) {
            throw new IllegalStateException("the part-of-speech model gives no word feature for " + text);
        }
        return new Word(own, lookup("p1" + wordFeature), lookup("p2" + wordFeature), lookup("n1" + wordFeature),
                lookup("n2" + wordFeature));
    }

    private Context tagFeature(int tag) {
        Context c = previousTag[tag];
        if (c == null) {
            c = lookup("t=" + outcomeNames[tag]);
            previousTag[tag] = c;
        }
        return c;
    }

    private Context tagsFeature(int first, int second) {
        int slot = first * outcomes + second;
        Context c = previousTwoTags[slot];
        if (c == null) {
            c = lookup("t2=" + outcomeNames[first] + "," + outcomeNames[second]);
            previousTwoTags[slot] = c;
        }
        return c;
    }

    private Context lookup(String feature) {
        Context c = features.get(feature);
        return c == null ? ABSENT : c;
    }

    private void add(Context c) {
        int[] o = c.getOutcomes();
        double[] p = c.getParameters();
        for (int k = 0; k < o.length; k++) {
            sums[o[k]] += p[k];
        }
    }
}
