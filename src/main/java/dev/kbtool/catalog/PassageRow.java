package dev.kbtool.catalog;

/**
 * One passage of the search index, as stored: where it is and its indexed text.
 *
 * @param id       its row id
 * @param document the document it belongs to, or null for shared pages
 * @param fileName the document's original file name, or null for shared pages
 * @param target   the wikilink target of its page, e.g. {@code sources/a} or {@code concepts/graph}
 * @param kind     summary, source, concept, entity or answer
 * @param page     the page of a paged document, else 0
 * @param line     its first line in the page's text after frontmatter, or 0
 * @param section  the heading it stands under, or empty
 * @param title    the document's or topic's title
 * @param headings the headings inside it, as indexed
 * @param summary  a summary or description, as indexed
 * @param body     its text, as indexed
 */
public record PassageRow(long id, String document, String fileName, String target, String kind, int page, int line,
        String section, String title, String headings, String summary, String body) {

    /** The text a reader reads: the body, or the summary where there is no body. */
    public String text() {
        return body.isEmpty() ? summary : body;
    }
}
