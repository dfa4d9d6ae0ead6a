package dev.kbtool.search;

import dev.kbtool.catalog.CatalogWriter;
import dev.kbtool.catalog.SearchEntry;
import dev.kbtool.catalog.TreeNode;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.convert.ConvertedPage;
import dev.kbtool.search.dense.PassageVectors;
import dev.kbtool.search.dense.TokenVectors;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What a document puts into the search index: its summary, and its text passage by passage
 * (a page of a paged document, a section of any other), each with its title, headings and place.
 */
public final class SearchRows {
    private SearchRows() {
    }

    /**
     * A document's passages as the index reads them: without Markdown, normalised for the index
     * ({@link SearchText}), with their packed vectors ({@link PassageVectors}; an element is null
     * for a passage without words). Made in prepare, where it costs a worker's time, not the commit's.
     */
    public record Texts(List<Passages.Passage> passages, List<byte[]> vectors) {
        public Texts {
            passages = List.copyOf(passages);
            vectors = Collections.unmodifiableList(new ArrayList<>(vectors));
            if (vectors.size() != passages.size()) {
                throw new IllegalArgumentException("one vector entry per passage");
            }
        }

        /**
         * @param markdown the whole text (with {@code <!-- page N -->} markers for paged documents)
         * @param pages    the text of each page, for paged documents
         */
        public static Texts of(String markdown, List<ConvertedPage> pages) {
            List<Passages.Passage> out = new ArrayList<>();
            List<byte[]> vectors = new ArrayList<>();
            for (Passages.Passage p : Passages.of(markdown, pages)) {
                String text = SearchText.normalize(p.text());
                out.add(new Passages.Passage(p.page(), p.line(), p.section(), SearchText.normalize(p.headings()),
                        text));
                vectors.add(PassageVectors.of(TokenVectors.shared(), text));
            }
            return new Texts(out, vectors);
        }
    }

    /**
     * @param pageHeading for a long document (one with a page tree), the heading above a page in
     *                    its readable source page, which a hit on that page links to
     */
    public static void forDocument(CatalogWriter w, String document, DocumentAnalysis analysis, Texts texts,
            List<TreeNode> tree, IntFunction<String> pageHeading) throws SQLException {
        w.unindexDocument(document);
        String summaryLink = "summaries/" + document;
        String title = analysis.title() == null || analysis.title().isBlank() ? document : analysis.title();
        // The name is indexed with the title: a converter's title can be a stray heading, and people
        // call a document by its file name.
        String indexTitle = SearchText.normalize(title + "\n" + document);
        List<SearchEntry> entries = new ArrayList<>();
        String summary = String.join(" ", analysis.summary());
        // A short document's description can be its whole summary: indexed twice, its snippet read twice.
        String described = summary.equals(analysis.description()) ? summary : analysis.description() + "\n" + summary;
        String summaryText = SearchText.normalize(described);
        entries.add(new SearchEntry(summaryLink, "summary", 0, 0, "", title, indexTitle, "", summaryText, "",
                () -> PassageVectors.of(TokenVectors.shared(), summaryText)));
        String source = "sources/" + document;
        for (int i = 0; i < texts.passages().size(); i++) {
            Passages.Passage p = texts.passages().get(i);
            String target = tree.isEmpty() || p.page() <= 0 ? source : source + "#" + pageHeading.apply(p.page());
            String headings = p.headings();
            String section = p.section();
            if (!tree.isEmpty() && p.page() > 0) {
                headings = withParts(headings, tree, p.page());
                section = partOf(tree, p.page(), section);
            }
            byte[] vectors = texts.vectors().get(i);
            entries.add(new SearchEntry(target, "source", p.page(), p.line(), section, title, indexTitle,
                    headings, "", p.text(), () -> vectors));
        }
        w.index(document, entries);
    }

    /** A page's headings with the titles of the parts of the page tree that start on it. */
    private static String withParts(String headings, List<TreeNode> tree, int page) {
        StringBuilder out = new StringBuilder(headings);
        for (TreeNode n : tree) {
            if (n.startPage() == page) {
                out.append(out.length() > 0 ? "\n" : "").append(SearchText.normalize(n.title()));
            }
        }
        return out.toString();
    }

    /** The deepest part of the page tree holding the page, else the section found in its text. */
    private static String partOf(List<TreeNode> tree, int page, String fallback) {
        TreeNode best = null;
        for (TreeNode n : tree) {
            if (n.startPage() <= page && page <= Math.max(n.startPage(), n.endPage())
                    && (best == null || n.level() >= best.level())) {
                best = n;
            }
        }
        return best == null ? fallback : best.title();
    }

    /** The index row of a shared page (a concept or entity), its text as written. */
    public static SearchEntry entry(String target, String kind, int page, String title, String body) {
        String text = SearchText.normalize(body);
        return new SearchEntry(target, kind, page, 0, "", title, SearchText.normalize(title), "", "", text,
                () -> PassageVectors.of(TokenVectors.shared(), text));
    }
}
