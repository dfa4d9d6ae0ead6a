package dev.kbtool.ingest;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.catalog.PageKind;
import dev.kbtool.catalog.PageRecord;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.layout.DocumentNames;
import dev.kbtool.layout.DocumentPaths;
import dev.kbtool.publish.SummaryPublication;
import dev.kbtool.publish.TopicMerger;
import dev.kbtool.render.LongDocuments;
import dev.kbtool.render.SourcePage;
import dev.kbtool.tx.Plan;
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

    /** Commits one prepared document in its own transaction; the lock is taken (or re-entered) here. */
    public AddOutcome commit(PreparedDocument doc) throws IOException {
        return engine.mutate(() -> plan(doc));
    }

    private TxEngine.Mutation<AddOutcome> plan(PreparedDocument doc) throws IOException {
        Catalog catalog = engine.catalog();
        String display = doc.input().display();
        Optional<DocumentRecord> known = catalog.documentByHash(doc.hash());
        if (known.isPresent()) {
            return TxEngine.Mutation.none(AddOutcome.skipped(display, known.get().name(),
                    "already in the knowledge base as " + known.get().name()).withHash(doc.hash()));
        }
        String origin = doc.input().path().toString();
        Optional<DocumentRecord> previous = catalog.documentByOrigin(origin);
        String name = previous.map(DocumentRecord::name).orElseGet(() -> DocumentNames.unique(
                DocumentNames.stem(doc.fileName()), origin, n -> catalog.documentByName(n).isPresent()));
        DocumentPaths paths = new DocumentPaths(name, doc.extension());
        String sourcePath = doc.isLong() ? paths.sourceJson() : paths.source();
        String sourceLink = sourcePath.substring("wiki/".length()).replaceFirst("\\.md$", "");
        List<Path> images = stagedImages(doc);
        SummaryPublication publication = SummaryPublication.plan(new SummaryPublication.Publishing(engine.layout(),
                catalog, limits, false), paths, sourceLink, doc.fileName(), origin, doc.analysis(), doc.tree(),
                doc.searchTexts());
        DocumentAnalysis analysis = publication.analysis();
        Optional<String> oldRaw = previous.map(DocumentRecord::rawPath).filter(raw -> !raw.equals(paths.raw()));

        Plan.Builder plan = Plan.builder()
                .file(paths.raw()).file(paths.source()).file(paths.sourceJson()).tree(paths.images());
        publication.addTo(plan);
        oldRaw.ifPresent(plan::file);

        return TxEngine.Mutation.of("add", name, plan.build(), tx -> {
            if (oldRaw.isPresent()) {
                tx.delete(oldRaw.get());
            }
            tx.publish(doc.stagedRaw(), paths.raw());
            tx.delete(paths.images());
            for (Path image : images) {
                tx.publish(image, paths.images() + "/" + image.getFileName());
            }
            String staged = "images/" + doc.imagePrefix() + "/";
            if (doc.isLong()) {
                publication.pages().delete(tx, paths.source());
                tx.write(sourcePath, LongDocuments.sourceJson(doc.converted().pages(), staged, paths.imageLinkPrefix()));
            } else {
                tx.delete(paths.sourceJson());
                publication.pages().write(tx, sourcePath, SourcePage.render(doc.converted(), doc.fileName(), staged,
                        paths.imageLinkPrefix(), doc.extension().equals("md") || doc.extension().equals("markdown")));
            }
            Instant now = Instant.now();
            publication.write(tx, previous.isPresent() ? "update" : "add", now);
            DocumentRecord record = new DocumentRecord(name, doc.hash(), doc.fileName(), doc.extension(), origin,
                    paths.raw(), sourcePath, paths.summary(), doc.converted().pageCount(),
                    analysis.description(), previous.map(DocumentRecord::addedAt).orElse(now));
            return w -> {
                publication.record(w, record);
                w.deletePage(paths.sourceLink() + ".md");
                w.deletePage(paths.sourceLink() + ".json");
                w.putPage(new PageRecord(sourcePath.substring("wiki/".length()), PageKind.SOURCE, analysis.title(), "",
                        name));
                w.putTree(name, doc.tree());
                w.clearFailure(doc.hash());
            };
        }, AddOutcome.added(display, name, previous.isPresent(), doc.analysis().usage()).withHash(doc.hash()));
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
