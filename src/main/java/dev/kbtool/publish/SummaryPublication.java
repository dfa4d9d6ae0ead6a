package dev.kbtool.publish;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.CatalogWriter;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.catalog.PageKind;
import dev.kbtool.catalog.PageRecord;
import dev.kbtool.catalog.TopicKind;
import dev.kbtool.catalog.TopicRecord;
import dev.kbtool.catalog.TreeNode;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.layout.DocumentPaths;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.render.LogEntry;
import dev.kbtool.render.SourcePage;
import dev.kbtool.render.SummaryPage;
import dev.kbtool.render.Wikilinks;
import dev.kbtool.search.SearchRows;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.Transaction;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What publishing a compiled document into the knowledge base means, whoever compiled it
 * ({@code kb add}, {@code kb recompile}): its summary page, a log line, the concept and entity
 * pages it touches, and the catalog rows for them — summary page, links, search rows,
 * contributions. Planned under the lock, written inside the document's transaction.
 */
public final class SummaryPublication {
    private final String document;
    private final String fileName;
    private final String origin;
    private final DocumentPaths paths;
    private final String sourceLink;
    private final DocumentAnalysis analysis;
    private final List<TreeNode> tree;
    private final SearchRows.Texts texts;
    private final TopicMerger.Merge merge;
    private final PageWriter pages;
    private String summaryPage;

    private SummaryPublication(String document, String fileName, String origin, DocumentPaths paths, String sourceLink,
            DocumentAnalysis analysis, List<TreeNode> tree, SearchRows.Texts texts, TopicMerger.Merge merge,
            PageWriter pages) {
        this.document = document;
        this.fileName = fileName;
        this.origin = origin;
        this.paths = paths;
        this.sourceLink = sourceLink;
        this.analysis = analysis;
        this.tree = tree;
        this.texts = texts;
        this.merge = merge;
        this.pages = pages;
    }

    /**
     * Plans publishing {@code compiled} as document {@code paths.name()}; links that would not
     * resolve become plain text, and the topic pages to touch are decided from the catalog now.
     *
     * @param sourceLink the document's source page, vault-relative without {@code .md}
     * @param tree       the long document's page tree, empty for a short one
     */
    public static SummaryPublication plan(Publishing into, DocumentPaths paths, String sourceLink, String fileName,
            String origin, DocumentAnalysis compiled, List<TreeNode> tree, SearchRows.Texts texts) {
        Catalog catalog = into.catalog();
        DocumentAnalysis analysis = resolveLinks(catalog, paths, sourceLink, compiled);
        TopicMerger.Merge merge = new TopicMerger(catalog, into.limits()).plan(paths.name(), analysis.title(), analysis);
        return new SummaryPublication(paths.name(), fileName, origin, paths, sourceLink, analysis, tree, texts, merge,
                new PageWriter(into.layout(), catalog, into.discardEdits(), paths.name()));
    }

    /**
     * Where and how a document is published: the knowledge base, its limits, and whether a
     * person's edits of kb's part of its pages give way to kb's version ({@code --discard-edits}).
     */
    public record Publishing(KbLayout layout, Catalog catalog, TopicMerger.Limits limits, boolean discardEdits) {
    }

    /** Writes the document's pages, keeping what a person wrote in them; the source page goes through it too. */
    public PageWriter pages() {
        return pages;
    }

    /** The analysis as published: with links only to pages that exist or that this commit makes. */
    public DocumentAnalysis analysis() {
        return analysis;
    }

    /** The summary page, the log and every topic page this publication changes. */
    public void addTo(Plan.Builder plan) {
        plan.file(paths.summary()).append(LogEntry.PATH);
        merge.paths().forEach(plan::file);
    }

    /**
     * Writes the topic pages, the summary page and a log line ({@code verb}: add, update,
     * recompile) inside {@code tx}.
     */
    public void write(Transaction tx, String verb, Instant now) throws IOException {
        merge.apply(tx, pages);
        summaryPage = SummaryPage.render(document, fileName, origin, sourceLink, analysis, tree,
                merge.linkedTopics(TopicKind.CONCEPT), merge.linkedTopics(TopicKind.ENTITY));
        pages.write(tx, paths.summary(), summaryPage);
        tx.append(LogEntry.PATH, LogEntry.render(now, verb, fileName + " → " + paths.summaryLink()));
    }

    /** The catalog rows of the publication, at the commit point; {@code record} is the document as it now is. */
    public void record(CatalogWriter w, DocumentRecord record) throws SQLException {
        w.putDocument(record);
        w.putPage(new PageRecord(paths.summaryLink() + ".md", PageKind.SUMMARY, analysis.title(),
                analysis.description(), document));
        w.putLinks(paths.summaryLink() + ".md", Wikilinks.targets(summaryPage));
        SearchRows.forDocument(w, document, analysis, texts, tree,
                page -> SourcePage.pageHeading(SourcePage.inParts(fileName), page));
        merge.record(w);
        pages.record(w);
    }

    /** The concept and entity pages the document contributes to now. */
    public List<TopicRecord> topics() {
        List<TopicRecord> topics = new ArrayList<>(merge.linkedTopics(TopicKind.CONCEPT));
        topics.addAll(merge.linkedTopics(TopicKind.ENTITY));
        return topics;
    }

    /**
     * Only links to pages that exist, or that this commit creates, may be written; anything
     * else a compiler produced becomes plain text.
     */
    private static DocumentAnalysis resolveLinks(Catalog catalog, DocumentPaths paths, String sourceLink,
            DocumentAnalysis analysis) {
        Set<String> created = new HashSet<>(TopicMerger.topicLinks(analysis));
        created.add(paths.summaryLink());
        created.add(sourceLink);
        created.add("index");
        return analysis.mapText(text -> Wikilinks.unlinkMissing(text,
                target -> created.contains(target) || catalog.pageExists(target + ".md")));
    }
}
