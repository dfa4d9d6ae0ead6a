package dev.kbtool.catalog;

import java.util.function.Supplier;

/**
 * One passage for the search index. The indexed fields are already as the index reads them
 * (normalized by the search package), so the costly part can be done before the commit.
 *
 * @param target    the wiki page a hit opens, e.g. {@code summaries/a} or {@code sources/a.json}
 * @param kind      summary, source, concept, entity or answer
 * @param page      the page of a paged document the passage is, else 0
 * @param line      the first line of the passage in its page's text (after any frontmatter), 1-based, or 0
 * @param section   the heading the passage stands under, as written, or empty
 * @param title     what a result is called: the document's or the topic's title, as written
 * @param indexTitle the title field as indexed (the title and the document's name)
 * @param headings  the headings inside the passage, as indexed
 * @param summary   a summary or description, as indexed
 * @param body      the text, as indexed
 * @param vectors   what the passage means, packed by the search package for dense retrieval (null for
 *                  none), asked for only when the entry is written: a topic page's row is first
 *                  compared with the one the index has and mostly left as it is
 */
public record SearchEntry(String target, String kind, int page, int line, String section, String title,
        String indexTitle, String headings, String summary, String body, Supplier<byte[]> vectors) {
}
