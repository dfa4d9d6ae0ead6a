package dev.kbtool.ingest;

import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.compile.LogEntry;
import dev.kbtool.compile.LongDocuments;
import dev.kbtool.compile.SearchRows;
import dev.kbtool.compile.SourcePage;
import dev.kbtool.compile.SummaryPage;
import dev.kbtool.compile.TopicMerger;
import dev.kbtool.compile.Wikilinks;
import dev.kbtool.kb.Catalog;
import dev.kbtool.kb.DocumentNames;
import dev.kbtool.kb.DocumentPaths;
import dev.kbtool.kb.DocumentRecord;
import dev.kbtool.kb.PageKind;
import dev.kbtool.kb.PageRecord;
import dev.kbtool.kb.TopicKind;
import dev.kbtool.tx.LockToken;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.Transaction;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The commit stage of {@code kb add}: one transaction per document, under the KB lock. It
 * re-checks what prepare could only guess — the content may have been added meanwhile by
 * another process, the provisional name may be taken — then publishes the staged files and
 * writes the pages and catalog rows.
 */
public final class DocumentCommitter {
    private final TxEngine engine;
    private final TopicMerger.Limits limits;

    public DocumentCommitter(TxEngine engine, TopicMerger.Limits limits) {
        this.engine = engine;
        this.limits = limits;
    }

    public AddOutcome commit(LockToken token, PreparedDocument doc) throws IOException {
        Catalog catalog = engine.catalog();
        String display = doc.input().display();
        Optional<DocumentRecord> known = catalog.documentByHash(doc.hash());
        if (known.isPresent()) {
            return AddOutcome.skipped(display, known.get().name(), "already in the knowledge base as " + known.get().name());
        }
        String origin = doc.input().path().toString();
        Optional<DocumentRecord> previous = catalog.documentByOrigin(origin);
        String name = previous.map(DocumentRecord::name).orElseGet(() -> DocumentNames.unique(
                DocumentNames.stem(doc.fileName()), origin, n -> catalog.documentByName(n).isPresent()));
        DocumentPaths paths = new DocumentPaths(name, doc.extension());
        String sourcePath = doc.isLong() ? paths.sourceJson() : paths.source();
        String sourceLink = sourcePath.substring("wiki/".length()).replaceFirst("\\.md$", "");
        List<Path> images = stagedImages(doc);
        DocumentAnalysis analysis = resolveLinks(catalog, paths, sourceLink, doc.analysis());
        TopicMerger.Merge merge = new TopicMerger(catalog, limits).plan(name, analysis.title(), analysis);

        Plan.Builder plan = Plan.builder()
                .file(paths.raw()).file(paths.source()).file(paths.sourceJson()).tree(paths.images())
                .file(paths.summary()).append("wiki/log.md");
        merge.paths().forEach(plan::file);
        previous.filter(p -> !p.rawPath().equals(paths.raw())).ifPresent(p -> plan.file(p.rawPath()));

        Transaction tx = engine.begin(token, "add", name, plan.build());
        try {
            if (previous.isPresent() && !previous.get().rawPath().equals(paths.raw())) {
                tx.delete(previous.get().rawPath());
            }
            tx.publish(doc.stagedRaw(), paths.raw());
            tx.delete(paths.images());
            for (Path image : images) {
                tx.publish(image, paths.images() + "/" + image.getFileName());
            }
            String staged = "images/" + doc.imagePrefix() + "/";
            tx.delete(doc.isLong() ? paths.source() : paths.sourceJson());
            tx.write(sourcePath, doc.isLong()
                    ? LongDocuments.sourceJson(doc.converted().pages(), staged, paths.imageLinkPrefix())
                    : SourcePage.render(doc.converted(), doc.fileName(), staged, paths.imageLinkPrefix(),
                            doc.extension().equals("md") || doc.extension().equals("markdown")));
            merge.apply(tx);
            String summaryPage = SummaryPage.render(name, doc.fileName(), sourceLink, analysis, doc.tree(),
                    merge.linkedTopics(TopicKind.CONCEPT), merge.linkedTopics(TopicKind.ENTITY));
            tx.write(paths.summary(), summaryPage);
            Instant now = Instant.now();
            String verb = previous.isPresent() ? "update" : "add";
            tx.append("wiki/log.md", LogEntry.render(now, verb, doc.fileName() + " → " + paths.summaryLink()));
            DocumentRecord record = new DocumentRecord(name, doc.hash(), doc.fileName(), doc.extension(), origin,
                    paths.raw(), sourcePath, paths.summary(), doc.converted().pageCount(),
                    analysis.description(), previous.map(DocumentRecord::addedAt).orElse(now));
            tx.commit(w -> {
                w.putDocument(record);
                w.deletePage(paths.sourceLink() + ".md");
                w.deletePage(paths.sourceLink() + ".json");
                w.putPage(new PageRecord(sourcePath.substring("wiki/".length()), PageKind.SOURCE, analysis.title(), "",
                        name));
                w.putPage(new PageRecord(paths.summaryLink() + ".md", PageKind.SUMMARY, analysis.title(),
                        analysis.description(), name));
                w.putTree(name, doc.tree());
                w.putLinks(paths.summaryLink() + ".md", Wikilinks.targets(summaryPage));
                SearchRows.forDocument(w, name, analysis, doc.searchTexts(), doc.tree());
                merge.record(w);
            });
        } catch (IOException | RuntimeException e) {
            throw tx.fail(e);
        }
        return AddOutcome.added(display, name, doc.analysis().usage());
    }

    /**
     * Only links to pages that exist, or that this commit creates, may be written; anything
     * else a compiler produced becomes plain text.
     */
    static DocumentAnalysis resolveLinks(Catalog catalog, DocumentPaths paths, String sourceLink,
            DocumentAnalysis analysis) {
        java.util.Set<String> created = new java.util.HashSet<>(TopicMerger.topicLinks(analysis));
        created.add(paths.summaryLink());
        created.add(sourceLink);
        created.add("index");
        return analysis.mapText(text -> Wikilinks.unlinkMissing(text,
                target -> created.contains(target) || catalog.pageExists(target + ".md")));
    }

    private static List<Path> stagedImages(PreparedDocument doc) throws IOException {
        if (!Files.isDirectory(doc.stagedImages())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(doc.stagedImages())) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
