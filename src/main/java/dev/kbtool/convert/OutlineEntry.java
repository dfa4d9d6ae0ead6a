package dev.kbtool.convert;

/**
 * One entry of a document's own outline (PDF bookmarks), in document order.
 *
 * @param level 1 for top-level entries
 * @param title the entry's title
 * @param page  the 1-based page it points to, or 0 when unknown
 */
public record OutlineEntry(int level, String title, int page) {
}
