package dev.kbtool.remove;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.layout.DocumentPaths;
import dev.kbtool.publish.DerivedViews;
import dev.kbtool.publish.PageEdits;
import dev.kbtool.publish.PageWriter;
import dev.kbtool.publish.TopicMerger;
import dev.kbtool.render.LogEntry;
import dev.kbtool.render.Wikilinks;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code kb remove}: one transaction per document that deletes its raw file, source,
 * images and summary, withdraws its contributions (re-rendering the topics it touched and
 * deleting those left without any), and turns every remaining link to a deleted page into
 * plain text — so the document is either fully present or fully gone, and no link breaks.
 */
public final class DocumentRemover {
    /**
     * @param keepRaw   leave the raw copy in {@code raw/}
     * @param keepEmpty keep concept and entity pages that lose their last contribution
     */
    public record Options(boolean keepRaw, boolean keepEmpty, TopicMerger.Limits limits) {
    }

    /** What removing one document does, path by path. */
    public record Removal(DocumentRecord document, List<String> deletes, List<String> modifies,
            TopicMerger.Merge merge, Map<String, String> rewrites) {
    }

    private final TxEngine engine;
    private final Options options;

    public DocumentRemover(TxEngine engine, Options options) {
        this.engine = engine;
        this.options = options;
    }

    /** The plan for one document; read-only, so it also serves {@code --dry-run}. */
    public Removal plan(DocumentRecord doc) throws IOException {
        Catalog catalog = engine.catalog();
        DocumentPaths paths = new DocumentPaths(doc.name(), doc.type());
        List<String> deletes = new ArrayList<>();
        if (!options.keepRaw()) {
            deletes.add(doc.rawPath());
        }
        for (String p : List.of(paths.source(), paths.sourceJson(), paths.images(), paths.summary())) {
            if (Files.exists(engine.layout().root().resolve(p), LinkOption.NOFOLLOW_LINKS)) {
                deletes.add(p);
            }
        }
        TopicMerger.Merge merge = new TopicMerger(catalog, options.limits()).planRemoval(doc.name(), options.keepEmpty());
        List<String> modifies = new ArrayList<>();
        Set<String> gone = new LinkedHashSet<>(List.of(paths.summaryLink(), paths.sourceLink(),
                paths.sourceLink() + ".json"));
        for (TopicMerger.Change c : merge.changes()) {
            if (c.page() == null) {
                deletes.add(c.path());
                gone.add(c.kind().link(c.key()));
            } else {
                modifies.add(c.path());
            }
        }
        Map<String, String> rewrites = new LinkedHashMap<>();
        Set<String> candidates = new LinkedHashSet<>();
        for (String target : gone) {
            catalog.pagesLinkingTo(target).forEach(source -> candidates.add("wiki/" + source));
        }
        // The links table knows the links kb wrote; a person's links are in pages they edited
        // or made, which are read too.
        candidates.addAll(PageEdits.notAsWritten(engine.layout(), catalog));
        for (String path : candidates) {
            if (deletes.contains(path) || modifies.contains(path) || rewrites.containsKey(path)) {
                continue;
            }
            Path file = engine.layout().root().resolve(path);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String unlinked = Wikilinks.unlinkMissing(text, t -> !gone.contains(t));
                if (!unlinked.equals(text)) {
                    rewrites.put(path, unlinked);
                    modifies.add(path);
                }
            }
        }
        return new Removal(doc, deletes, modifies, merge, rewrites);
    }

    /**
     * Removes each document in its own transaction, in order, telling {@code onRemoved} of each,
     * then refreshes the index. A failure leaves the index to the next command, which renders
     * the views a finished process left pending.
     */
    public void removeAll(Collection<DocumentRecord> documents, Consumer<DocumentRecord> onRemoved) throws IOException {
        for (DocumentRecord d : documents) {
            remove(d);
            onRemoved.accept(d);
        }
        DerivedViews.refresh(engine);
    }

    /** Removes one document in its own transaction, re-checking everything under the lock. */
    public void remove(DocumentRecord doc) throws IOException {
        engine.mutate(() -> {
            DocumentRecord current = engine.catalog().documentByName(doc.name()).orElse(null);
            if (current == null) {
                return TxEngine.Mutation.none(null);
            }
            Removal removal = plan(current);
            Plan.Builder plan = Plan.builder().append(LogEntry.PATH);
            for (String p : removal.deletes()) {
                if (p.endsWith(".md") || p.endsWith(".json") || p.startsWith("raw/")) {
                    plan.file(p);
                } else {
                    plan.tree(p);
                }
            }
            removal.modifies().forEach(plan::file);
            DocumentPaths paths = new DocumentPaths(current.name(), current.type());
            PageWriter pages = new PageWriter(engine.layout(), engine.catalog(), false, current.name());
            return TxEngine.Mutation.of("remove", current.name(), plan.build(), tx -> {
                for (String p : removal.deletes()) {
                    if (p.startsWith("wiki/") && p.endsWith(".md")) {
                        pages.delete(tx, p);
                    } else {
                        tx.delete(p);
                    }
                }
                removal.merge().apply(tx, pages);
                for (Map.Entry<String, String> e : removal.rewrites().entrySet()) {
                    pages.rewrite(tx, e.getKey(), e.getValue());
                }
                tx.append(LogEntry.PATH, LogEntry.render(Instant.now(), "remove", current.fileName() + " → "
                        + paths.summaryLink()));
                return w -> {
                    w.deleteDocument(current.name());
                    w.deletePage(paths.sourceLink() + ".md");
                    w.deletePage(paths.sourceLink() + ".json");
                    w.deletePage(paths.summaryLink() + ".md");
                    w.putLinks(paths.summaryLink() + ".md", List.of());
                    w.deleteTree(current.name());
                    w.unindexDocument(current.name());
                    removal.merge().record(w);
                    pages.record(w);
                    for (Map.Entry<String, String> e : removal.rewrites().entrySet()) {
                        w.putLinks(e.getKey().substring("wiki/".length()), Wikilinks.targets(e.getValue()));
                    }
                };
            }, null);
        });
    }
}
