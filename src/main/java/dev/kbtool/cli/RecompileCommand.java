package dev.kbtool.cli;

import dev.kbtool.catalog.DocumentMatcher;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.recompile.Recompiler;
import dev.kbtool.session.KbServices;
import dev.kbtool.text.Units;
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

    @Option(names = "--discard-edits", description = "Take kb's version of these documents' pages even where a "
            + "person edited kb's part of them (their version is kept in the catalog, table replaced_pages).")
    boolean discardEdits;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Compile N documents in parallel; 0 means one per CPU core (default: jobs in config).")
    Integer jobs;

    RecompileCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() throws Exception {
        if (all == !documents.isEmpty()) {
            throw new KbException(ExitCode.USAGE, "name the documents to recompile, or pass --all (not both)");
        }
        checkJobs(jobs);
        long start = System.nanoTime();
        try (KbServices kb = openServices("kb recompile")) {
            if (!dryRun) {
                kb.engine().settle();
            }
            Map<String, DocumentRecord> targets = new LinkedHashMap<>();
            if (all) {
                kb.session().catalog().documents().forEach(d -> targets.put(d.name(), d));
            } else {
                targets.putAll(DocumentMatcher.each(kb.session().catalog(), documents));
            }
            if (dryRun) {
                for (DocumentRecord d : targets.values()) {
                    if (json()) {
                        Json.line(out(), Json.object().put("doc", d.name()).put("status", "would_recompile")
                                .put("compiler", kb.compilerName()));
                    } else {
                        out().println("would recompile " + d.name() + " (" + d.fileName() + ") with the "
                                + kb.compilerName() + " compiler");
                    }
                }
                return ExitCode.OK;
            }
            if (all && !Confirmation.confirm(context, err(), yes, "Recompile all " + targets.size() + " documents?",
                    "kb recompile --all rewrites every summary and concept page")) {
                err().println("kb: aborted; nothing changed");
                return ExitCode.FAILURE;
            }
            Recompiler recompiler = kb.recompiler(kb.jobs(jobs), !noOverviews);
            if (discardEdits) {
                recompiler.discardingEdits();
            }
            int heldBefore = kb.session().catalog().heldPages().size();
            Recompiler.Report report = recompiler.run(
                    new ArrayList<>(targets.values()), context.cancellation(), o -> {
                        if (json()) {
                            Json.line(out(), Json.object().put("doc", o.document())
                                    .put("status", o.recompiled() ? "recompiled" : "failed").put("reason", o.reason()));
                        } else if (!o.recompiled()) {
                            err().println("kb: " + o.document() + ": " + o.reason());
                        } else if (!quiet()) {
                            err().println("recompiled " + o.document());
                        }
                    });
            long recompiled = report.outcomes().stream().filter(Recompiler.Outcome::recompiled).count();
            long failed = report.outcomes().size() - recompiled;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (json()) {
                Json.line(out(), Json.object().put("summary", true).put("recompiled", recompiled)
                        .put("failed", failed).put("overviews", report.overviews())
                        .put("milliseconds", elapsed.toMillis()));
            } else if (!quiet()) {
                out().println("recompiled " + recompiled + ", failed " + failed
                        + (report.overviews() > 0 ? ", " + report.overviews() + " overview(s) re-synthesised" : "")
                        + " in " + Units.formatDuration(elapsed));
            }
            reportHeld(kb, heldBefore);
            if (context.cancellation().isCancelled()) {
                return ExitCode.INTERRUPTED;
            }
            return failed == 0 ? ExitCode.OK : (targets.size() == 1 ? ExitCode.DATA_ERROR : ExitCode.PARTIAL);
        }
    }
}
