package dev.kbtool.catalog;

/**
 * A wiki page the catalog knows about.
 *
 * @param path        wiki-relative path, e.g. {@code summaries/intro.md}
 * @param kind        the page folder: summary, source, concept or entity
 * @param title       display title
 * @param description one-line description, may be empty
 * @param document    the owning document's name for per-document pages, else null
 */
public record PageRecord(String path, PageKind kind, String title, String description, String document) {
}
