package dev.kbtool.search;

import dev.kbtool.catalog.CatalogWriter;
import dev.kbtool.catalog.SearchEntry;
import dev.kbtool.catalog.TreeNode;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.convert.ConvertedPage;
import dev.kbtool.text.MarkdownText;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What a document puts into the full-text index: its summary, its text (per page when long) and its parts. */
public final class SearchRows {
    private SearchRows() {
    }

    /**
     * A document's text as the index reads it: without Markdown, normalised for the index
     * ({@link SearchText}). Made in prepare, where it costs a worker's time, not the commit's.
     *
     * @param whole the whole text (used for documents without pages)
     * @param pages the text of each page, for paged documents
     */
    public record Texts(String whole, List<ConvertedPage> pages) {
        public Texts {
            pages = List.copyOf(pages);
        }

        public static Texts of(String markdown, List<ConvertedPage> pages) {
            List<ConvertedPage> plain = new ArrayList<>(pages.size());
            for (ConvertedPage p : pages) {
                plain.add(new ConvertedPage(p.number(), indexed(p.markdown())));
            }
            return new Texts(pages.isEmpty() ? indexed(markdown) : "", plain);
        }

        private static String indexed(String markdown) {
            return SearchText.normalize(MarkdownText.plainDocument(markdown));
        }
    }

    public static void forDocument(CatalogWriter w, String document, DocumentAnalysis analysis, Texts texts,
            List<TreeNode> tree) throws SQLException {
        w.unindexDocument(document);
        String summaryLink = "summaries/" + document;
        List<SearchEntry> entries = new ArrayList<>();
        String summary = String.join(" ", analysis.summary());
        // A short document's description can be its whole summary: indexed twice, its snippet read twice.
        entries.add(entry(summaryLink, "summary", 0, analysis.title(),
                summary.equals(analysis.description()) ? summary : analysis.description() + "\n" + summary));
        String title = SearchText.normalize(analysis.title());
        if (tree.isEmpty()) {
            String whole = texts.pages().isEmpty() ? texts.whole()
                    : String.join("\n", texts.pages().stream().map(ConvertedPage::markdown).toList());
            entries.add(new SearchEntry("sources/" + document, "source", 0, title, whole));
        } else {
            String json = "sources/" + document + ".json";
            for (ConvertedPage p : texts.pages()) {
                entries.add(new SearchEntry(json, "page", p.number(), title + " (page " + p.number() + ")", p.markdown()));
            }
            for (TreeNode n : tree) {
                entries.add(entry(summaryLink, "node", n.startPage(), n.title(), n.summary()));
            }
        }
        w.index(document, entries);
    }

    /** An index row from text as written, normalized as the index reads it. */
    public static SearchEntry entry(String target, String kind, int page, String title, String body) {
        return new SearchEntry(target, kind, page, SearchText.normalize(title), SearchText.normalize(body));
    }
}
