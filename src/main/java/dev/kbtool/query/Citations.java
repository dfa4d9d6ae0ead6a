package dev.kbtool.query;

import dev.kbtool.catalog.PassageRow;
import dev.kbtool.search.SearchResult;

/** Citations made from passages of the index. */
final class Citations {
    private Citations() {
    }

    static Citation of(int n, PassageRow p, String quote) {
        SearchResult place = new SearchResult(p, 0, "");
        return new Citation(n, p.document(), p.fileName(), p.title(), p.page(), place.wikilink(), place.path(), quote);
    }
}
