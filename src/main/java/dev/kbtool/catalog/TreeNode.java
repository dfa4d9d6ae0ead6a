package dev.kbtool.catalog;

/**
 * One node of a long document's page tree, flattened in document order.
 *
 * @param ord       position in document order, from 0
 * @param level     1 for top-level parts, deeper parts higher
 * @param title     the part's title
 * @param startPage first page, 1-based
 * @param endPage   last page, inclusive
 * @param summary   a short extractive summary of the part
 */
public record TreeNode(int ord, int level, String title, int startPage, int endPage, String summary) {
}
