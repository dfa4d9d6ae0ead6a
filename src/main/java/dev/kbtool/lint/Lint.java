package dev.kbtool.lint;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kb lint}: the structural health of the wiki — broken links, orphan pages, files and
 * documents that do not match, a stale index, frontmatter that does not parse, pages without
 * OKF {@code type}/{@code description}, duplicate concept pages.
 */
public final class Lint {
    private final TxEngine engine;

    public Lint(TxEngine engine) {
        this.engine = engine;
    }

    public List<Problem> check() throws IOException {
        Catalog catalog = engine.catalog();
        List<Problem> problems = new ArrayList<>();
        List<WikiPages.Page> pages = WikiPages.load(engine.layout());
        WikiChecks.brokenLinks(engine.layout(), pages, PageRestorer.restorableLinks(engine.layout(), catalog), problems);
        WikiChecks.frontmatter(pages, problems);
        WikiChecks.okf(pages, problems);
        WikiChecks.catalogFiles(engine.layout(), catalog.documents(), catalog.removedDocumentNames(), problems);
        WikiChecks.orphans(pages, problems);
        WikiChecks.duplicates(pages, problems);
        WikiChecks.index(engine, problems);
        return problems;
    }
}
