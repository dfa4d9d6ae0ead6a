package dev.kbtool.compile.offline;

/**
 * One sentence of a document's running text.
 *
 * @param index      position among all sentences, from 0
 * @param text       the sentence as the document writes it, markup removed
 * @param block      index of the paragraph or list item it belongs to
 * @param blockStart whether it opens its block
 * @param listItem   whether its block is a list item
 * @param quality    what it is good for
 */
record Sentence(int index, String text, int block, boolean blockStart, boolean listItem,
        SentenceQuality.Grade quality) {
    /** Fit to appear in a summary. */
    boolean summaryWorthy() {
        return quality == SentenceQuality.Grade.SUMMARY;
    }

    /** Real running text: fit for topic statistics and to be quoted as a contribution. */
    boolean prose() {
        return quality != SentenceQuality.Grade.NOISE;
    }
}
