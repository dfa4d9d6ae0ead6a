package dev.kbtool.convert;

import java.util.List;

/**
 * One node of a long document's page tree: a part of the document and the pages it spans.
 *
 * @param title     the part's title
 * @param level     0 for the whole document, 1 for top-level parts, and so on
 * @param startPage the first page (1-based)
 * @param endPage   the last page, inclusive
 * @param children  the parts inside this one, in page order
 */
public record PageTree(String title, int level, int startPage, int endPage, List<PageTree> children) {

    public PageTree {
        children = List.copyOf(children);
    }

    public int pageCount() {
        return endPage - startPage + 1;
    }
}
