package dev.kbtool.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.convert.Converters;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.fetch.UrlFetcher;
import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.AddPipeline;
import dev.kbtool.ingest.AddStatus;
import dev.kbtool.ingest.BatchVerdict;
import dev.kbtool.ingest.InputFile;
import dev.kbtool.ingest.InputScanner;
import dev.kbtool.ingest.StageTimes;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.session.KbServices;
import dev.kbtool.session.KbSession;
import dev.kbtool.text.Printable;
import dev.kbtool.text.Units;
import dev.kbtool.tx.StagingLease;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", sortOptions = false,
        description = {
            "Add files, folders (recursively) and http(s) URLs to the knowledge base.",
            "Files are prepared in parallel and committed one at a time in path order, each in its "
                    + "own transaction. Content already in the knowledge base is skipped; a changed file added "
                    + "again from the same place (or URL) replaces its earlier version. Hidden files, files "
                    + "matched by the config's ignore patterns or a .kbignore file, and unsupported types in "
                    + "folders are left out. URLs are downloaded first, in the order given, and read by their "
                    + "content type (or first bytes); redirects, size (max_file_size) and time (file_timeout) "
                    + "are bounded. One line per file on stdout; progress on stderr, on a terminal only."
        })
final class AddCommand extends BaseCommand {
    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Files, folders or http(s) URLs to add; - reads a list of them from stdin, like --from-file -.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--from-file", paramLabel = "FILE",
            description = "Also add the paths and URLs listed in FILE, one per line (- for stdin), e.g. from find;"
                    + " relative paths are taken from the current folder.")
    String fromFile;

    @Option(names = {"-0", "--null"},
            description = "Entries of the list are ended by NUL characters (find -print0), so paths may hold newlines.")
    boolean nul;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Prepare N files in parallel; 0 means one per CPU core (default: jobs in config, else one per core).")
    Integer jobs;

    @Option(names = "--dry-run", description = "Say what would be added or skipped; change nothing.")
    boolean dryRun;

    @Option(names = "--retry-failed",
            description = "Try again files that failed before with this kb and have not changed (they are "
                    + "skipped otherwise).")
    boolean retryFailed;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write the per-file JSON Lines and the summary to FILE.")
    Path report;

    private final Cancellation cancellation;

    AddCommand(CliContext context) {
        super(context);
        this.cancellation = context.cancellation();
    }

    @Override
    protected ExitCode execute() throws Exception {
        long start = System.nanoTime();
        checkJobs(jobs);
        List<String> given = given();
        List<String> urls = given.stream().filter(UrlFetcher::isUrl).toList();
        List<Path> paths = new ArrayList<>();
        for (String g : given) {
            if (!UrlFetcher.isUrl(g)) {
                paths.add(asPath(g));
            }
        }
        Converters converters = Converters.standard();
        try (KbServices kb = openServices("kb add")) {
            KbSession session = kb.session();
            InputScanner.Scan scan = new InputScanner(converters, context.cwd(), session.config().ignore()).scan(paths);
            if (given.size() == 1 && paths.size() == 1 && scan.files().isEmpty() && scan.problems().size() == 1
                    && scan.problems().get(0).status().failed()) {
                AddOutcome only = scan.problems().get(0);
                ExitCode code = only.failure() == AddOutcome.Failure.BAD_DATA ? ExitCode.DATA_ERROR : ExitCode.NO_INPUT;
                throw new KbException(code, Printable.escape(only.path()) + ": " + only.reason());
            }
            try (ReportFile reportFile = ReportFile.open(report, session.layout().root(), context.cwd());
                    StagingLease downloads = urls.isEmpty() ? null : kb.engine().openStaging()) {
                long leftOut = scan.problems().stream().filter(AddOutcome::leftOut).count();
                int entries = scan.files().size() + scan.problems().size() + urls.size();
                AddProgress progress = AddProgress.of(this, (int) (entries - leftOut), cancellation::isCancelled);
                List<AddOutcome> outcomes = new ArrayList<>();
                for (AddOutcome problem : scan.problems()) {
                    record(problem, progress, reportFile, outcomes);
                }
                if (given.isEmpty()) {
                    notice("the list of paths is empty; nothing to add");
                } else if (scan.files().isEmpty() && scan.problems().isEmpty() && urls.isEmpty()) {
                    notice("no supported files found in " + String.join(", ", paths.stream().map(Path::toString)
                            .toList()));
                }
                List<InputFile> files = new ArrayList<>(scan.files());
                int workers = kb.jobs(jobs);
                int heldBefore = session.catalog().heldPages().size();
                try {
                    if (!urls.isEmpty()) {
                        files.addAll(UrlInputs.fetch(urls, session.config(), converters.extensions(), downloads,
                                url -> progress.started(url, "fetching"),
                                o -> record(o, progress, reportFile, outcomes), cancellation::isCancelled).files());
                    }
                    AddPipeline pipeline = kb.addPipeline(converters, workers, dryRun, retryFailed, cancellation);
                    pipeline.run(files, (file, step) -> progress.started(file.display(), step),
                            o -> record(o, progress, reportFile, outcomes));
                } finally {
                    progress.finish();
                }
                reportHeld(kb, heldBefore);
                boolean interrupted = cancellation.isCancelled();
                int notStarted = entries - outcomes.size();
                summarize(outcomes, Duration.ofNanos(System.nanoTime() - start), workers, interrupted, notStarted,
                        reportFile);
                return interrupted ? ExitCode.INTERRUPTED : exitCode(BatchVerdict.of(outcomes));
            }
        }
    }

    /** The paths and URLs given as arguments and through --from-file or -, in that order. */
    private List<String> given() {
        boolean stdinList = inputs.contains("-");
        if (inputs.isEmpty() && fromFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "name files, folders or URLs to add, or give a list with --from-file FILE");
        }
        if (stdinList && "-".equals(fromFile)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "stdin can be read once: give - or"
                    + " --from-file -, not both");
        }
        if (nul && fromFile == null && !stdinList) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--null describes a list: use it with"
                    + " --from-file FILE or -");
        }
        List<String> given = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("-")) {
                given.addAll(PathList.read("-", nul, context));
            } else {
                given.add(input);
            }
        }
        if (fromFile != null) {
            given.addAll(PathList.read(fromFile, nul, context));
        }
        return given;
    }

    private static Path asPath(String input) {
        try {
            return Path.of(input);
        } catch (java.nio.file.InvalidPathException e) {
            throw new KbException(ExitCode.NO_INPUT, Printable.escape(input) + ": not a valid path (" + e.getReason()
                    + ")");
        }
    }

    private void record(AddOutcome o, AddProgress progress, ReportFile reportFile, List<AddOutcome> outcomes) {
        outcomes.add(o);
        ObjectNode line = toJson(o);
        if (json()) {
            Json.line(out(), line);
        }
        reportFile.write(line);
        progress.onOutcome(o);
    }

    static ObjectNode toJson(AddOutcome o) {
        ObjectNode line = Json.object()
                .put("path", o.path())
                .put("status", o.status().label())
                .put("doc", o.document())
                .put("reason", o.reason())
                .put("milliseconds", o.millis());
        StageTimes t = o.times();
        line.putObject("stages").put("hash", t.hash()).put("prepare", t.prepare()).put("convert", t.convert())
                .put("compile", t.compile()).put("lock_wait", t.lockWait()).put("commit", t.commit());
        if (o.usage().calls() > 0) {
            line.putObject("llm").put("calls", o.usage().calls()).put("input_tokens", o.usage().inputTokens())
                    .put("output_tokens", o.usage().outputTokens());
        }
        return line;
    }

    private void summarize(List<AddOutcome> outcomes, Duration elapsed, int workers, boolean interrupted,
            int notStarted, ReportFile reportFile) {
        Map<AddStatus, Long> counts = new EnumMap<>(AddStatus.class);
        long leftOut = 0;
        for (AddOutcome o : outcomes) {
            if (o.leftOut()) {
                leftOut++;
            } else {
                counts.merge(o.status(), 1L, Long::sum);
            }
        }
        long added = count(counts, AddStatus.ADDED, AddStatus.WOULD_ADD);
        long updated = count(counts, AddStatus.UPDATED, AddStatus.WOULD_UPDATE);
        long skipped = count(counts, AddStatus.SKIPPED, AddStatus.WOULD_SKIP);
        long failed = count(counts, AddStatus.FAILED, AddStatus.WOULD_FAIL);
        StageTimes total = outcomes.stream().map(AddOutcome::times).reduce(StageTimes.NONE, StageTimes::plus);
        ObjectNode summary = Json.summary().put("added", added).put("updated", updated)
                .put("skipped", skipped).put("failed", failed).put("left_out", leftOut)
                .put("milliseconds", elapsed.toMillis()).put("jobs", workers);
        if (dryRun) {
            summary.put("dry_run", true);
        }
        if (interrupted) {
            summary.put("interrupted", true).put("not_started", notStarted);
        }
        summary.put("exit_code", (interrupted ? ExitCode.INTERRUPTED : exitCode(BatchVerdict.of(outcomes))).code());
        summary.putObject("stages").put("hash", total.hash()).put("prepare", total.prepare())
                .put("convert", total.convert()).put("compile", total.compile())
                .put("lock_wait", total.lockWait()).put("commit", total.commit());
        reportFile.write(summary);
        if (json()) {
            Json.line(out(), summary);
            return;
        }
        if (quiet()) {
            return;
        }
        String head = (dryRun ? "dry run: would add " + added + ", update " + updated + ", skip " + skipped
                + ", fail " + failed : "added " + added + ", updated " + updated + ", skipped " + skipped
                + ", failed " + failed);
        out().println(head + " in " + Units.formatDuration(elapsed)
                + (interrupted ? " (interrupted; " + notStarted + " file(s) not processed)" : ""));
        if (verbosity() >= 2) {
            err().printf(Locale.ROOT, "stages (sum over files, %d jobs): hash %s, prepare %s (convert %s, compile %s),"
                    + " lock wait %s, commit %s; wall %s%n", workers, ms(total.hash()), ms(total.prepare()),
                    ms(total.convert()), ms(total.compile()), ms(total.lockWait()), ms(total.commit()),
                    Units.formatDuration(elapsed));
        }
    }

    private static long count(Map<AddStatus, Long> counts, AddStatus real, AddStatus planned) {
        return counts.getOrDefault(real, 0L) + counts.getOrDefault(planned, 0L);
    }

    /** The batch rule of the README's exit-code table. */
    static ExitCode exitCode(BatchVerdict verdict) {
        return switch (verdict) {
            case OK -> ExitCode.OK;
            case PARTIAL -> ExitCode.PARTIAL;
            case ALL_BAD_DATA -> ExitCode.DATA_ERROR;
            case ALL_UNREADABLE -> ExitCode.NO_INPUT;
        };
    }

    private static String ms(long millis) {
        return Units.formatDuration(Duration.ofMillis(millis));
    }
}
