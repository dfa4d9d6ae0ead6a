package dev.kbtool.ingest;

import dev.kbtool.compile.CompileException;
import dev.kbtool.compile.CompileInput;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.compile.DocumentCompiler;
import dev.kbtool.compile.LogEntry;
import dev.kbtool.compile.SearchRows;
import dev.kbtool.compile.SummaryPage;
import dev.kbtool.compile.TopicMerger;
import dev.kbtool.compile.Wikilinks;
import dev.kbtool.kb.Catalog;
import dev.kbtool.kb.DocumentPaths;
import dev.kbtool.kb.DocumentRecord;
import dev.kbtool.kb.PageKind;
import dev.kbtool.kb.PageRecord;
import dev.kbtool.kb.TopicKind;
import dev.kbtool.kb.TopicRecord;
import dev.kbtool.kb.TreeNode;
import dev.kbtool.tx.LockToken;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.PrepareWorkers;
import dev.kbtool.tx.Transaction;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * {@code kb recompile}: runs the compiler again on the stored sources (never converting
 * again) and commits each document in its own transaction — summary, contributions, the
 * topics they touch, search rows — so a kill leaves every document either as it was or
 * recompiled. Raw files and sources are never touched. Compiling runs on a pool of workers,
 * committing follows the order given, as in {@code kb add}.
 */
public final class Recompiler {
    /**
     * How one document ended.
     *
     * @param topics the concept and entity pages the document contributes to now (empty unless recompiled)
     */
    public record Outcome(String document, boolean recompiled, String reason, List<TopicRecord> topics) {
    }

    private final TxEngine engine;
    private final DocumentCompiler compiler;
    private final TopicMerger.Limits limits;
    private final int jobs;

    public Recompiler(TxEngine engine, DocumentCompiler compiler, TopicMerger.Limits limits, int jobs) {
        this.engine = engine;
        this.compiler = compiler;
        this.limits = limits;
        this.jobs = jobs;
    }

    public List<Outcome> run(List<DocumentRecord> documents, Cancellation cancellation, Consumer<Outcome> onOutcome)
            throws IOException, InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, new PrepareWorkers());
        int window = Math.max(4, jobs * 2);
        List<Future<Compiled>> futures = new ArrayList<>();
        cancellation.honour(true);
        try {
            for (int i = 0; i < documents.size() && !cancellation.isCancelled(); i++) {
                while (futures.size() < documents.size() && futures.size() < i + window) {
                    DocumentRecord d = documents.get(futures.size());
                    futures.add(pool.submit(() -> compile(d)));
                }
                Compiled compiled = await(futures.get(i));
                futures.set(i, null);
                Outcome outcome = compiled.analysis() == null
                        ? new Outcome(compiled.document().name(), false, compiled.reason(), List.of())
                        : commit(compiled.document(), compiled.analysis(), compiled.texts());
                outcomes.add(outcome);
                onOutcome.accept(outcome);
            }
        } finally {
            for (Future<Compiled> f : futures) {
                if (f != null) {
                    f.cancel(true);
                }
            }
            pool.shutdownNow();
            cancellation.honour(false);
        }
        return outcomes;
    }

    private record Compiled(DocumentRecord document, DocumentAnalysis analysis, String reason, SearchRows.Texts texts) {
    }

    private Compiled compile(DocumentRecord doc) throws IOException, InterruptedException {
        String title = engine.catalog().documentTitle(doc.name());
        CompileInput input;
        try {
            input = StoredSource.read(engine.layout(), doc, title);
        } catch (IOException e) {
            return new Compiled(doc, null, "cannot read its source " + doc.sourcePath() + ": " + e.getMessage(), null);
        }
        try {
            return new Compiled(doc, compiler.analyze(input), null, SearchRows.Texts.of(input.markdown(), input.pages()));
        } catch (CompileException e) {
            return new Compiled(doc, null, "compile failed: " + e.getMessage(), null);
        }
    }

    private static Compiled await(Future<Compiled> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException uio) {
                throw uio.getCause();
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Outcome commit(DocumentRecord stale, DocumentAnalysis compiled, SearchRows.Texts texts) throws IOException {
        try (LockToken token = engine.lock()) {
            Catalog catalog = engine.catalog();
            DocumentRecord doc = catalog.documentByName(stale.name()).orElse(null);
            if (doc == null || !doc.hash().equals(stale.hash())) {
                return new Outcome(stale.name(), false, "changed by another command meanwhile; recompile it again", List.of());
            }
            DocumentPaths paths = new DocumentPaths(doc.name(), doc.type());
            String sourceLink = doc.sourcePath().substring("wiki/".length()).replaceFirst("\\.md$", "");
            DocumentAnalysis analysis = DocumentCommitter.resolveLinks(catalog, paths, sourceLink, compiled);
            TopicMerger.Merge merge = new TopicMerger(catalog, limits).plan(doc.name(), analysis.title(), analysis);
            List<TreeNode> tree = catalog.tree(doc.name());
            Plan.Builder plan = Plan.builder().file(paths.summary()).append("wiki/log.md");
            merge.paths().forEach(plan::file);
            Transaction tx = engine.begin(token, "recompile", doc.name(), plan.build());
            try {
                merge.apply(tx);
                String summary = SummaryPage.render(doc.name(), doc.fileName(), sourceLink, analysis, tree,
                        merge.linkedTopics(TopicKind.CONCEPT), merge.linkedTopics(TopicKind.ENTITY));
                tx.write(paths.summary(), summary);
                tx.append("wiki/log.md", LogEntry.render(Instant.now(), "recompile", doc.fileName() + " → "
                        + paths.summaryLink()));
                DocumentRecord updated = new DocumentRecord(doc.name(), doc.hash(), doc.fileName(), doc.type(),
                        doc.origin(), doc.rawPath(), doc.sourcePath(), doc.summaryPath(), doc.pages(),
                        analysis.description(), doc.addedAt());
                tx.commit(w -> {
                    w.putDocument(updated);
                    w.putPage(new PageRecord(paths.summaryLink() + ".md", PageKind.SUMMARY, analysis.title(),
                            analysis.description(), doc.name()));
                    w.putLinks(paths.summaryLink() + ".md", Wikilinks.targets(summary));
                    SearchRows.forDocument(w, doc.name(), analysis, texts, tree);
                    merge.record(w);
                });
            } catch (IOException | RuntimeException e) {
                throw tx.fail(e);
            }
            List<TopicRecord> topics = new ArrayList<>(merge.linkedTopics(TopicKind.CONCEPT));
            topics.addAll(merge.linkedTopics(TopicKind.ENTITY));
            return new Outcome(doc.name(), true, null, topics);
        }
    }
}
