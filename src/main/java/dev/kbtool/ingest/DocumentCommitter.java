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
import dev.kbtool.render.Wikilinks;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
        String origin = doc.input().origin();
        Optional<DocumentRecord> previous = catalog.documentByOrigin(origin);
        String name = previous.map(DocumentRecord::name).orElseGet(() -> DocumentNames.unique(
                DocumentNames.stem(doc.fileName()), origin, n -> catalog.documentByName(n).isPresent()));
        DocumentPaths paths = new DocumentPaths(name, doc.extension());
        String sourcePath = doc.isLong() ? paths.sourceJson() : paths.source();
        // A long document's readable page is sources/<doc>.md too; its .json is kb's per-page data.
        String sourceLink = paths.sourceLink();
        List<Path> images = stagedImages(doc);
        SummaryPublication publication = SummaryPublication.plan(new SummaryPublication.Publishing(engine.layout(),
                catalog, limits, false), paths, sourceLink, doc.fileName(), origin, doc.analysis(), doc.tree(),
                doc.searchTexts());
        DocumentAnalysis analysis = publication.analysis();
        Optional<String> oldRaw = previous.map(DocumentRecord::rawPath).filter(raw -> !raw.equals(paths.raw()));

        boolean note = isMarkdown(doc);
        Function<String, String> pageOf = note ? NoteLinks.resolver(catalog, name, doc.fileName()) : t -> null;
        // Notes added before this one whose links name it: those links now lead to its page.
        Set<String> waiting = NoteLinks.waitingFor(catalog, name, doc.fileName());
        Plan.Builder plan = Plan.builder()
                .file(paths.raw()).file(paths.source()).file(paths.sourceJson()).tree(paths.images());
        waiting.forEach(p -> plan.file("wiki/" + p));
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
            String sourcePage;
            if (doc.isLong()) {
                tx.write(sourcePath, LongDocuments.sourceJson(doc.converted().pages(), staged, paths.imageLinkPrefix()));
                sourcePage = SourcePage.renderPaged(doc.converted(), doc.fileName(), staged, paths.imageLinkPrefix(),
                        note, SourcePage.inParts(doc.fileName()), pageOf);
            } else {
                tx.delete(paths.sourceJson());
                sourcePage = SourcePage.render(doc.converted(), doc.fileName(), staged, paths.imageLinkPrefix(), note,
                        pageOf);
            }
            publication.pages().write(tx, paths.source(), sourcePage);
            Map<String, List<String>> linked = new LinkedHashMap<>();
            linked.put(paths.sourceLink() + ".md", note ? Wikilinks.targets(sourcePage) : List.of());
            Function<String, String> toThis = NoteLinks.resolver(catalog, name, doc.fileName());
            for (String page : waiting) {
                Path file = engine.layout().root().resolve("wiki/" + page);
                if (Files.isRegularFile(file)) {
                    String text = Wikilinks.linkTo(Files.readString(file, StandardCharsets.UTF_8),
                            t -> toThis.apply(t) != null && toThis.apply(t).equals(paths.sourceLink())
                                    ? paths.sourceLink() : null);
                    publication.pages().rewrite(tx, "wiki/" + page, text);
                    linked.put(page, Wikilinks.targets(text));
                }
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
                if (doc.isLong()) {
                    w.putPage(new PageRecord(paths.sourceLink() + ".md", PageKind.SOURCE, analysis.title(), "", name));
                }
                for (Map.Entry<String, List<String>> e : linked.entrySet()) {
                    w.putLinks(e.getKey(), e.getValue());
                }
                w.putTree(name, doc.tree());
                w.clearFailure(doc.hash());
            };
        }, AddOutcome.added(display, name, previous.isPresent(), doc.analysis().usage()).withHash(doc.hash()));
    }

    private static boolean isMarkdown(PreparedDocument doc) {
        return doc.extension().equals("md") || doc.extension().equals("markdown");
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
