package dev.kbtool.compile.offline;

import dev.kbtool.language.Language;
import java.util.List;
import java.util.Set;

/**
 * A document reduced to what the compiler reads.
 *
 * @param title     display title
 * @param language  detected language
 * @param sentences every sentence of running text, in order
 * @param headings  section headings, in order (not references or the like)
 * @param paged     whether it is a converted paged document (a PDF), where headings come from the layout
 * @param code      what the document sets as inline code: identifiers and commands, never topics
 * @param words     number of words of running text, a measure of length
 * @param metaDescription the description the document gives of itself (Markdown frontmatter), or null
 * @param furnitureWords  words of the running headers and footers stripped from its pages
 */
record Prose(String title, Language language, List<Sentence> sentences, List<Heading> headings, boolean paged, Set<String> code,
        int words, String metaDescription, int furnitureWords) {
    /** Words under which a document is a short note. */
    private static final int NOTE_WORDS = 400;

    Prose {
        sentences = List.copyOf(sentences);
        headings = List.copyOf(headings);
        code = Set.copyOf(code);
    }

    /**
     * Whether the document is a short note, which may name its subject only once. Its length is
     * what it was before its page furniture went: a long document whose pages repeat the same
     * lines can read as a few sentences once they are stripped, and is still no note.
     */
    boolean note() {
        return words + furnitureWords < NOTE_WORDS;
    }
}
