package dev.kbtool.session;

import dev.kbtool.catalog.DocumentMatcher;
import dev.kbtool.compile.DocumentCompiler;
import dev.kbtool.compile.llm.OverviewSynthesizer;
import dev.kbtool.compile.select.Compilers;
import dev.kbtool.config.Config;
import dev.kbtool.convert.Converters;
import dev.kbtool.ingest.AddPipeline;
import dev.kbtool.ingest.DocumentPreparer;
import dev.kbtool.ingest.InputScanner;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.lint.Doctor;
import dev.kbtool.lint.Lint;
import dev.kbtool.lint.LintFixer;
import dev.kbtool.lint.PageRestorer;
import dev.kbtool.llm.HttpLlmClient;
import dev.kbtool.llm.LlmSettings;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.publish.DerivedViews;
import dev.kbtool.publish.OverviewRefresher;
import dev.kbtool.publish.TopicMerger;
import dev.kbtool.query.Answer;
import dev.kbtool.query.AnswerSaver;
import dev.kbtool.query.QueryService;
import dev.kbtool.recompile.Recompiler;
import dev.kbtool.remove.DocumentRemover;
import dev.kbtool.search.SearchResult;
import dev.kbtool.search.Searcher;
import dev.kbtool.sync.SyncPlanner;
import dev.kbtool.sync.Syncer;
import dev.kbtool.tx.TxEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The services of one opened knowledge base, wired once: the transaction engine (one per
 * session: it holds the catalog's commit point) and the add, recompile, remove, lint and doctor
 * services built on it from the session's config. Commands and tests ask here instead of
 * assembling the parts themselves. Closing it closes the session.
 */
public final class KbServices implements AutoCloseable {
    /**
     * How this process talks to people and waits.
     *
     * @param command     what this process does, shown to anyone waiting for the lock
     * @param lockTimeout how long to wait for a busy knowledge base
     * @param env         environment variables (the LLM key is read from here)
     * @param notices     one-line notices for a person (recovery, fallback to offline)
     */
    public record Settings(String command, Duration lockTimeout, Map<String, String> env, Consumer<String> notices) {
    }

    private final KbSession session;
    private final Settings settings;
    private DocumentCompiler compiler;
    private TxEngine engine;
    private QueryService queries;

    public KbServices(KbSession session, Settings settings) {
        this.session = session;
        this.settings = settings;
    }

    /** Opens the knowledge base at {@code layout} with its services. */
    public static KbServices open(KbLayout layout, Settings settings) {
        return new KbServices(KbSession.open(layout), settings);
    }

    /**
     * Compiles with {@code compiler} instead of the one the config asks for: a compiler under
     * test, or one a benchmark measures.
     */
    public KbServices withCompiler(DocumentCompiler compiler) {
        this.compiler = compiler;
        return this;
    }

    public KbSession session() {
        return session;
    }

    /** The session's transaction engine, made on first use. */
    public TxEngine engine() {
        if (engine == null) {
            engine = new TxEngine(session.layout(), session.catalog(), settings.lockTimeout(), settings.command(),
                    settings.notices(), DerivedViews::refresh);
        }
        return engine;
    }

    /** How many concepts and entities a document contributes and a topic page shows. */
    public TopicMerger.Limits limits() {
        Config c = session.config();
        return new TopicMerger.Limits(c.maxConcepts(), c.maxEntities(), c.pageContributions(), c.pageLinks());
    }

    /** Prepare workers: the flag when given, else the config's {@code jobs}; 0 in either means one per core. */
    public int jobs(Integer requested) {
        if (requested == null) {
            return session.config().effectiveJobs();
        }
        return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
    }

    /** How long one file may take to prepare: conversion, plus the LLM's budget when one is used. */
    public Duration fileTimeout() {
        return Compilers.fileTimeout(session.config(), configOrigin());
    }

    /** @param retryFailed try files again that failed before with this kb and have not changed */
    public AddPipeline addPipeline(Converters converters, int jobs, boolean dryRun, boolean retryFailed,
            Cancellation cancellation) {
        DocumentPreparer preparer = new DocumentPreparer(session.catalog(), session.config(), converters, compiler());
        return new AddPipeline(engine(), preparer, new AddPipeline.Options(jobs, fileTimeout(), dryRun, retryFailed,
                limits()), cancellation);
    }

    /** @param overviews re-synthesise the overviews of touched topics when an LLM is configured */
    public Recompiler recompiler(int jobs, boolean overviews) {
        OverviewSynthesizer synthesizer = overviews
                ? Compilers.overviews(session.config(), configOrigin(), settings.env()) : null;
        OverviewRefresher refresher = synthesizer == null ? null
                : new OverviewRefresher(engine(), synthesizer, limits());
        return new Recompiler(engine(), compiler(), refresher, limits(), jobs, fileTimeout(), settings.notices());
    }

    /** Compares folders with what the knowledge base holds from them ({@code kb sync}, {@code kb watch}). */
    public SyncPlanner syncPlanner(Converters converters, Path cwd) {
        return new SyncPlanner(session.catalog(), new InputScanner(converters, cwd, session.config().ignore()), cwd);
    }

    /**
     * Carries out sync plans: files through the add pipeline, removals like {@code kb remove}.
     *
     * @param keepRaw keep the raw copy of a document whose file is gone
     */
    public Syncer syncer(Converters converters, int jobs, boolean dryRun, boolean keepRaw, Cancellation cancellation,
            Path cwd) {
        return new Syncer(engine(), addPipeline(converters, jobs, dryRun, false, cancellation), remover(keepRaw, false),
                cancellation, cwd, dryRun);
    }

    public DocumentRemover remover(boolean keepRaw, boolean keepEmpty) {
        return new DocumentRemover(engine(), new DocumentRemover.Options(keepRaw, keepEmpty, limits()));
    }

    public Lint lint() {
        return new Lint(engine());
    }

    public LintFixer lintFixer() {
        return new LintFixer(engine(), limits(), restorer());
    }

    public Doctor doctor() {
        return new Doctor(engine(), restorer(), settings.notices());
    }

    private PageRestorer restorer() {
        return new PageRestorer(engine(), limits(), () -> recompiler(1, false));
    }

    /** Search over the knowledge base's passages. */
    public List<SearchResult> search(Searcher.Request request) {
        return new Searcher(session.catalog(), session.config().denseSearch()).search(request);
    }

    /** The names of the documents people mean by these names, file names or parts of either. */
    public List<String> documentNames(List<String> queries) {
        return queries.isEmpty() ? List.of()
                : List.copyOf(DocumentMatcher.each(session.catalog(), queries).keySet());
    }

    /** Answers questions: with the configured LLM when the config has one, else offline. */
    public QueryService queryService() {
        if (queries == null) {
            LlmSettings llm = Compilers.llmSettings(session.config(), configOrigin());
            boolean dense = session.config().denseSearch();
            queries = llm == null ? new QueryService(session.catalog(), dense)
                    : new QueryService(session.catalog(), dense, HttpLlmClient.create(llm, settings.env()), llm,
                            settings.notices());
        }
        return queries;
    }

    /** Files an answer as a wiki page in a transaction; returns its path in the knowledge base. */
    public String saveAnswer(Answer answer) throws IOException {
        return new AnswerSaver(engine()).save(answer);
    }

    /** The name of the compiler the config asks for, as people read it. */
    public String compilerName() {
        return session.config().usesLlm() ? "llm" : "offline";
    }

    private DocumentCompiler compiler() {
        if (compiler == null) {
            compiler = Compilers.create(session.config(), configOrigin(), settings.env(), settings.notices());
        }
        return compiler;
    }

    private String configOrigin() {
        return session.layout().configFile().toString();
    }

    @Override
    public void close() {
        session.close();
    }
}
