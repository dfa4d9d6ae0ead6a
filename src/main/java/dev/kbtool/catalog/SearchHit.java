package dev.kbtool.catalog;

/**
 * One full-text search result.
 *
 * @param target   the wikilink target of the page it was found on
 * @param kind     summary, source, page, node, concept or entity
 * @param document the document it belongs to, or null for shared pages
 * @param page     the page of a long document, else 0
 * @param snippet  the matching passage, matches in {@code **bold**}
 * @param score    relevance; higher is better
 */
public record SearchHit(String target, String kind, String document, int page, String snippet, double score) {
}
