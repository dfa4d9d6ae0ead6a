package dev.kbtool.query;

/**
 * One numbered source of an answer: a passage of the wiki, with the words quoted from it.
 *
 * @param n        its number in the answer, {@code [n]}
 * @param document the document it is from, or null for a concept or entity page
 * @param file     the document's original file name, or null
 * @param title    the document's or page's title
 * @param page     the page of a paged document, else 0
 * @param wikilink where it is in the wiki, e.g. {@code [[sources/a]]}
 * @param path     the file in the knowledge base, e.g. {@code wiki/sources/a.md}
 * @param quote    the words it supports the answer with
 */
public record Citation(int n, String document, String file, String title, int page, String wikilink, String path,
        String quote) {

    public Citation withNumber(int number) {
        return new Citation(number, document, file, title, page, wikilink, path, quote);
    }
}
