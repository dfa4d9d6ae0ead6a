package dev.kbtool.catalog;

/**
 * One row for the full-text index, its title and body already as the index reads them
 * (normalized by the search package), so the costly part can be done before the commit.
 *
 * @param target the wiki page a hit opens, e.g. {@code summaries/a}
 * @param kind   summary, source, page, node, concept or entity
 * @param page   the page number for page and node rows, else 0
 */
public record SearchEntry(String target, String kind, int page, String title, String body) {
}
