package dev.kbtool.compile.offline;

import dev.kbtool.language.PosTagger;
import dev.kbtool.language.Token;
import dev.kbtool.language.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokenizes and tags the sentences topics are drawn from, within a budget: beyond a short
 * document, a growing share of sentences is skipped, evenly (the opening always kept), and
 * past {@value #TOKEN_BUDGET} tokens tagging costs the same whatever the length. Topic
 * statistics from an even sample rank the same topics as from the whole.
 */
final class Tagging {
    /** Tokens tagged per document at most: some 80 pages of text, well under 0.1 s of tagging on one core. */
    static final int TOKEN_BUDGET = 40_000;
    /** Tokens always tagged in full: a short document is read entirely. */
    static final int FULL_TEXT = 12_000;
    /** Share of the tokens beyond {@link #FULL_TEXT} that are tagged, up to the budget. */
    private static final double SAMPLED_SHARE = 0.25;
    /** Sentences tagged whatever the budget: the opening says what a document is about. */
    private static final int OPENING = 40;
    /** Longer "sentences" are lists or layout run together; their tail adds nothing. */
    private static final int MAX_TOKENS = 100;

    private Tagging() {
    }

    /**
     * @param tagger null for languages without a model: tokens only
     */
    static List<TaggedSentence> tag(Prose prose, PosTagger tagger) throws InterruptedException {
        List<Sentence> prosaic = new ArrayList<>();
        long total = 0;
        for (Sentence s : prose.sentences()) {
            if (s.prose()) {
                prosaic.add(s);
                total += SentenceQuality.wordCount(s.text());
            }
        }
        double budget = Math.min(TOKEN_BUDGET, total <= FULL_TEXT ? total : FULL_TEXT + SAMPLED_SHARE * (total - FULL_TEXT));
        double keep = total == 0 ? 1.0 : budget / total;
        double carry = 0;
        List<TaggedSentence> out = new ArrayList<>();
        for (int i = 0; i < prosaic.size(); i++) {
            if ((i & 127) == 0 && Thread.interrupted()) {
                throw new InterruptedException();
            }
            carry += keep;
            if (i >= OPENING && carry < 1) {
                continue;
            }
            carry = Math.max(0, carry - 1);
            out.add(tag(prosaic.get(i), tagger));
        }
        return out;
    }

    static TaggedSentence tag(Sentence sentence, PosTagger tagger) {
        List<Token> tokens = Tokenizer.tokenize(sentence.text());
        if (tokens.size() > MAX_TOKENS) {
            tokens = tokens.subList(0, MAX_TOKENS);
        }
        return new TaggedSentence(sentence, tokens, tagger == null ? null : tagger.tag(tokens));
    }
}
