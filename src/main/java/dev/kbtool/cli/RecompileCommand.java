package dev.kbtool.cli;

import dev.kbtool.compile.CompileException;
import dev.kbtool.compile.Compilers;
import dev.kbtool.compile.DerivedViews;
import dev.kbtool.compile.OverviewRefresher;
import dev.kbtool.compile.TopicMerger;
import dev.kbtool.compile.llm.OverviewSynthesizer;
import dev.kbtool.ingest.Recompiler;
import dev.kbtool.kb.DocumentMatcher;
import dev.kbtool.kb.DocumentRecord;
import dev.kbtool.kb.ExitCode;
import dev.kbtool.kb.KbException;
import dev.kbtool.kb.KbSession;
import dev.kbtool.kb.TopicRecord;
import dev.kbtool.kb.Units;
import dev.kbtool.tx.TxEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "recompile", sortOptions = false,
        description = {
            "Compile documents again from their stored sources.",
            "No conversion: use it after changing the compiler or its config. Raw files and sources "
                    + "are never touched; each document is its own transaction. With an LLM configured, the "
                    + "overviews of the concept and entity pages they touch are re-synthesised too. --all on a "
                    + "terminal asks first; elsewhere it needs --yes."
        })
final class RecompileCommand extends BaseCommand {
    @Parameters(arity = "0..*", paramLabel = "DOC", description = "Documents to recompile (name, file name or part).")
    List<String> documents = new ArrayList<>();

    @Option(names = "--all", description = "Recompile every document.")
    boolean all;

    @Option(names = "--dry-run", description = "List what would be recompiled; change nothing.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--no-overviews", description = "Do not re-synthesise topic overviews with the LLM.")
    boolean noOverviews;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Compile N documents in parallel (default: jobs in config).")
    Integer jobs;

    RecompileCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() throws Exception {
        if (all == !documents.isEmpty()) {
            throw new KbException(ExitCode.USAGE, "name the documents to recompile, or pass --all (not both)");
        }
        long start = System.nanoTime();
        try (KbSession session = openKb()) {
            TxEngine engine = engine(session, "kb recompile");
            if (!dryRun) {
                engine.settle();
            }
            Map<String, DocumentRecord> targets = new LinkedHashMap<>();
            if (all) {
                session.catalog().documents().forEach(d -> targets.put(d.name(), d));
            } else {
                targets.putAll(DocumentMatcher.each(session.catalog(), documents));
            }
            String origin = session.layout().configFile().toString();
            String compilerName = session.config().usesLlm() ? "llm" : "offline";
            if (dryRun) {
                for (DocumentRecord d : targets.values()) {
                    if (json()) {
                        Json.line(out(), Json.object().put("doc", d.name()).put("status", "would_recompile")
                                .put("compiler", compilerName));
                    } else {
                        out().println("would recompile " + d.name() + " (" + d.fileName() + ") with the " + compilerName
                                + " compiler");
                    }
                }
                return ExitCode.OK;
            }
            if (all && !Confirmation.confirm(context, err(), yes, "Recompile all " + targets.size() + " documents?",
                    "kb recompile --all rewrites every summary and concept page")) {
                err().println("kb: aborted; nothing changed");
                return ExitCode.FAILURE;
            }
            TopicMerger.Limits limits = limits(session);
            Recompiler recompiler = new Recompiler(engine,
                    Compilers.create(session.config(), origin, context.env(), this::notice), limits,
                    jobs != null ? jobs : session.config().effectiveJobs());
            Map<String, TopicRecord> touched = new LinkedHashMap<>();
            int[] counts = new int[2];
            recompiler.run(new ArrayList<>(targets.values()), context.cancellation(), o -> {
                counts[o.recompiled() ? 0 : 1]++;
                if (o.recompiled()) {
                    o.topics().forEach(t -> touched.putIfAbsent(t.kind().link(t.key()), t));
                }
                if (json()) {
                    Json.line(out(), Json.object().put("doc", o.document())
                            .put("status", o.recompiled() ? "recompiled" : "failed").put("reason", o.reason()));
                } else if (!o.recompiled()) {
                    err().println("kb: " + o.document() + ": " + o.reason());
                } else if (!quiet()) {
                    err().println("recompiled " + o.document());
                }
            });
            int overviews = refreshOverviews(engine, session, origin, limits, touched);
            DerivedViews.refresh(engine);
            if (json()) {
                Json.line(out(), Json.object().put("summary", true).put("recompiled", counts[0])
                        .put("failed", counts[1]).put("overviews", overviews)
                        .put("milliseconds", Duration.ofNanos(System.nanoTime() - start).toMillis()));
            } else if (!quiet()) {
                out().println("recompiled " + counts[0] + ", failed " + counts[1]
                        + (overviews > 0 ? ", " + overviews + " overview(s) re-synthesised" : "")
                        + " in " + Units.formatDuration(Duration.ofNanos(System.nanoTime() - start)));
            }
            if (context.cancellation().isCancelled()) {
                return ExitCode.INTERRUPTED;
            }
            return counts[1] == 0 ? ExitCode.OK : (targets.size() == 1 ? ExitCode.DATA_ERROR : ExitCode.PARTIAL);
        }
    }

    private int refreshOverviews(TxEngine engine, KbSession session, String origin, TopicMerger.Limits limits,
            Map<String, TopicRecord> touched) throws Exception {
        OverviewSynthesizer synthesizer = noOverviews ? null : Compilers.overviews(session.config(), origin, context.env());
        if (synthesizer == null) {
            return 0;
        }
        OverviewRefresher refresher = new OverviewRefresher(engine, synthesizer, limits);
        int done = 0;
        for (TopicRecord t : touched.values()) {
            if (context.cancellation().isCancelled()) {
                break;
            }
            try {
                if (refresher.refresh(t.kind(), t.key())) {
                    done++;
                }
            } catch (CompileException e) {
                notice("overview of " + t.kind().link(t.key()) + " not re-synthesised: " + e.getMessage());
            }
        }
        return done;
    }
}
