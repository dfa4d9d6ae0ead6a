package dev.kbtool.compile;

import dev.kbtool.convert.SourcePage;
import dev.kbtool.kb.CatalogWriter;
import dev.kbtool.kb.TreeNode;
import java.sql.SQLException;
import java.util.List;

/** What a document puts into the full-text index: its summary, its text (per page when long) and its parts. */
public final class SearchRows {
    private SearchRows() {
    }

    public static void forDocument(CatalogWriter w, String document, DocumentAnalysis analysis, String sourceText,
            List<SourcePage> pages, List<TreeNode> tree) throws SQLException {
        w.unindexDocument(document);
        String summaryLink = "summaries/" + document;
        w.index(document, summaryLink, "summary", 0, analysis.title(),
                analysis.description() + "\n" + String.join(" ", analysis.summary()));
        if (tree.isEmpty()) {
            w.index(document, "sources/" + document, "source", 0, analysis.title(), MarkdownText.plain(sourceText));
            return;
        }
        String json = "sources/" + document + ".json";
        for (SourcePage p : pages) {
            w.index(document, json, "page", p.number(), analysis.title() + " (page " + p.number() + ")",
                    MarkdownText.plain(p.markdown()));
        }
        for (TreeNode n : tree) {
            w.index(document, summaryLink, "node", n.startPage(), n.title(), n.summary());
        }
    }
}
