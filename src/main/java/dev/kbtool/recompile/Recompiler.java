package dev.kbtool.recompile;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.catalog.TopicRecord;
import dev.kbtool.compile.CompileException;
import dev.kbtool.compile.CompileInput;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.compile.DocumentCompiler;
import dev.kbtool.layout.DocumentPaths;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.pipeline.OrderedPipeline;
import dev.kbtool.pipeline.PipelineTask;
import dev.kbtool.pipeline.SingleStepTask;
import dev.kbtool.publish.DerivedViews;
import dev.kbtool.publish.OverviewRefresher;
import dev.kbtool.publish.SummaryPublication;
import dev.kbtool.publish.TopicMerger;
import dev.kbtool.search.SearchRows;
import dev.kbtool.text.Units;
import dev.kbtool.tx.Plan;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * {@code kb recompile}: runs the compiler again on the stored sources (never converting
 * again) and commits each document in its own transaction — summary, contributions, the
 * topics they touch, search rows — so a kill leaves every document either as it was or
 * recompiled. Raw files and sources are never touched. Compiling runs on the same
 * {@link OrderedPipeline} as {@code kb add}: a pool of workers, commits in the order given,
 * the same per-document time limit.
 */
public final class Recompiler {
    /**
     * How one document ended.
     *
     * @param topics the concept and entity pages the document contributes to now (empty unless recompiled)
     */
    public record Outcome(String document, boolean recompiled, String reason, List<TopicRecord> topics) {
        static Outcome failed(String document, String reason) {
            return new Outcome(document, false, reason, List.of());
        }
    }

    /**
     * What a run did.
     *
     * @param overviews topic pages whose overview the LLM wrote again
     */
    public record Report(List<Outcome> outcomes, int overviews) {
    }

    private final TxEngine engine;
    private final DocumentCompiler compiler;
    private final OverviewRefresher overviews;
    private final TopicMerger.Limits limits;
    private final OrderedPipeline.Options options;
    private final Consumer<String> notices;
    private boolean discardEdits;

    /**
     * @param overviews   re-synthesises the overviews of the topics recompiled documents touch;
     *                    null without an LLM or when not wanted
     * @param fileTimeout a document whose compile runs longer fails on its own
     * @param notices     told of an overview that could not be written again
     */
    public Recompiler(TxEngine engine, DocumentCompiler compiler, OverviewRefresher overviews,
            TopicMerger.Limits limits, int jobs, Duration fileTimeout, Consumer<String> notices) {
        this.engine = engine;
        this.compiler = compiler;
        this.overviews = overviews;
        this.limits = limits;
        this.options = new OrderedPipeline.Options(jobs, fileTimeout);
        this.notices = notices;
    }

    /**
     * Takes kb's version of the recompiled documents' pages even where a person edited kb's part
     * ({@code --discard-edits}); the person's text is kept in the catalog.
     */
    public Recompiler discardingEdits() {
        this.discardEdits = true;
        return this;
    }

    /**
     * Recompiles {@code documents} in order, then re-synthesises the overviews of the topics they
     * touch and refreshes the index; stops between documents when cancelled.
     */
    public Report run(List<DocumentRecord> documents, Cancellation cancellation, Consumer<Outcome> onOutcome)
            throws IOException, InterruptedException {
        Map<String, TopicRecord> touched = new LinkedHashMap<>();
        List<Outcome> outcomes = new OrderedPipeline(options, cancellation).run(documents.size(), new Stage(documents),
                o -> {
                    o.topics().forEach(t -> touched.putIfAbsent(t.kind().link(t.key()), t));
                    onOutcome.accept(o);
                });
        int refreshed = refreshOverviews(touched.values(), cancellation);
        DerivedViews.refresh(engine);
        return new Report(outcomes, refreshed);
    }

    private int refreshOverviews(Collection<TopicRecord> topics, Cancellation cancellation)
            throws IOException, InterruptedException {
        if (overviews == null) {
            return 0;
        }
        int done = 0;
        for (TopicRecord t : topics) {
            if (cancellation.isCancelled()) {
                break;
            }
            try {
                if (overviews.refresh(t.kind(), t.key())) {
                    done++;
                }
            } catch (CompileException e) {
                notices.accept("overview of " + t.kind().link(t.key()) + " not re-synthesised: " + e.getMessage());
            }
        }
        return done;
    }

    private record Compiled(DocumentRecord document, DocumentAnalysis analysis, String reason, SearchRows.Texts texts) {
    }

    /** How the pipeline compiles, commits and gives up one document. */
    private final class Stage implements OrderedPipeline.Stage<Compiled, Outcome> {
        private final List<DocumentRecord> documents;

        Stage(List<DocumentRecord> documents) {
            this.documents = documents;
        }

        @Override
        public PipelineTask<Compiled> task(int index, Executor pool) {
            DocumentRecord doc = documents.get(index);
            return new SingleStepTask<>(index, () -> compile(doc));
        }

        @Override
        public Outcome commit(int index, Compiled compiled) throws IOException {
            return compiled.analysis() == null ? Outcome.failed(compiled.document().name(), compiled.reason())
                    : Recompiler.this.commit(compiled.document(), compiled.analysis(), compiled.texts());
        }

        @Override
        public Outcome gaveUp(int index, Duration limit) {
            return Outcome.failed(label(index), "gave up after " + Units.formatDuration(limit) + " (file_timeout)");
        }

        @Override
        public String label(int index) {
            return documents.get(index).name();
        }
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

    private Outcome commit(DocumentRecord stale, DocumentAnalysis compiled, SearchRows.Texts texts) throws IOException {
        return engine.mutate(() -> {
            Catalog catalog = engine.catalog();
            DocumentRecord doc = catalog.documentByName(stale.name()).orElse(null);
            if (doc == null || !doc.hash().equals(stale.hash())) {
                return TxEngine.Mutation.none(Outcome.failed(stale.name(),
                        "changed by another command meanwhile; recompile it again"));
            }
            DocumentPaths paths = new DocumentPaths(doc.name(), doc.type());
            String sourceLink = doc.sourcePath().substring("wiki/".length()).replaceFirst("\\.md$", "");
            SummaryPublication publication = SummaryPublication.plan(new SummaryPublication.Publishing(engine.layout(),
                    catalog, limits, discardEdits), paths, sourceLink, doc.fileName(), doc.origin(), compiled,
                    catalog.tree(doc.name()), texts);
            Plan.Builder plan = Plan.builder();
            publication.addTo(plan);
            DocumentRecord updated = new DocumentRecord(doc.name(), doc.hash(), doc.fileName(), doc.type(),
                    doc.origin(), doc.rawPath(), doc.sourcePath(), doc.summaryPath(), doc.pages(),
                    publication.analysis().description(), doc.addedAt());
            return TxEngine.Mutation.of("recompile", doc.name(), plan.build(), tx -> {
                publication.write(tx, "recompile", Instant.now());
                return w -> publication.record(w, updated);
            }, new Outcome(doc.name(), true, null, publication.topics()));
        });
    }
}
