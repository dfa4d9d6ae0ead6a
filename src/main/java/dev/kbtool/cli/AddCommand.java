package dev.kbtool.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.convert.Converters;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.AddPipeline;
import dev.kbtool.ingest.AddStatus;
import dev.kbtool.ingest.InputScanner;
import dev.kbtool.ingest.StageTimes;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.session.KbServices;
import dev.kbtool.session.KbSession;
import dev.kbtool.text.Units;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", sortOptions = false,
        description = {
            "Add files and folders (recursively) to the knowledge base.",
            "Files are prepared in parallel and committed one at a time in path order, each in its "
                    + "own transaction. Content already in the knowledge base is skipped; a changed file added "
                    + "again from the same place replaces its earlier version. Hidden files, files matched by "
                    + "the config's ignore patterns or a .kbignore file, and unsupported types in folders are "
                    + "left out."
        })
final class AddCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to add.")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Prepare N files in parallel (default: jobs in config, else one per CPU core).")
    Integer jobs;

    @Option(names = "--dry-run", description = "Say what would be added or skipped; change nothing.")
    boolean dryRun;

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
        Converters converters = Converters.standard();
        try (KbServices kb = openServices("kb add")) {
            KbSession session = kb.session();
            InputScanner.Scan scan = new InputScanner(converters, context.cwd(), session.config().ignore()).scan(paths);
            if (paths.size() == 1 && scan.files().isEmpty() && !scan.problems().isEmpty()) {
                AddOutcome only = scan.problems().get(0);
                ExitCode code = only.reason().startsWith("unsupported") ? ExitCode.DATA_ERROR : ExitCode.NO_INPUT;
                throw new KbException(code, only.path() + ": " + only.reason());
            }
            try (ReportFile reportFile = ReportFile.open(report, session.layout().root(), context.cwd())) {
                AddProgress progress = new AddProgress(err(), context.progressBarAllowed(), quiet(), verbosity() >= 2,
                        scan.files().size() + scan.problems().size());
                List<AddOutcome> outcomes = new ArrayList<>();
                for (AddOutcome problem : scan.problems()) {
                    record(problem, progress, reportFile, outcomes);
                }
                if (scan.files().isEmpty() && scan.problems().isEmpty() && !quiet()) {
                    err().println("kb: no supported files found in "
                            + String.join(", ", paths.stream().map(Path::toString).toList()));
                }
                int workers = kb.jobs(jobs);
                AddPipeline pipeline = kb.addPipeline(converters, workers, dryRun, cancellation);
                try {
                    pipeline.run(scan.files(), o -> record(o, progress, reportFile, outcomes));
                } finally {
                    progress.finish();
                }
                boolean interrupted = cancellation.isCancelled();
                int notStarted = scan.files().size() + scan.problems().size() - outcomes.size();
                summarize(outcomes, Duration.ofNanos(System.nanoTime() - start), workers, interrupted, notStarted,
                        reportFile);
                if (interrupted) {
                    return ExitCode.INTERRUPTED;
                }
                long failed = outcomes.stream().filter(o -> o.status() == AddStatus.FAILED).count();
                if (failed == 0) {
                    return ExitCode.OK;
                }
                // One file that could not be added is bad input; a batch with some failures is partial.
                return outcomes.size() == 1 ? ExitCode.DATA_ERROR : ExitCode.PARTIAL;
            }
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

    private static ObjectNode toJson(AddOutcome o) {
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
        long added = outcomes.stream().filter(o -> o.status() == AddStatus.ADDED).count();
        long wouldAdd = outcomes.stream().filter(o -> o.status() == AddStatus.WOULD_ADD).count();
        long skipped = outcomes.stream().filter(o -> o.status() == AddStatus.SKIPPED).count();
        long failed = outcomes.stream().filter(o -> o.status() == AddStatus.FAILED).count();
        StageTimes total = outcomes.stream().map(AddOutcome::times).reduce(StageTimes.NONE, StageTimes::plus);
        ObjectNode summary = Json.object().put("summary", true).put("added", added).put("skipped", skipped)
                .put("failed", failed).put("milliseconds", elapsed.toMillis()).put("jobs", workers);
        if (dryRun) {
            summary.put("dry_run", true).put("would_add", wouldAdd);
        }
        if (interrupted) {
            summary.put("interrupted", true).put("not_started", notStarted);
        }
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
        String head = dryRun
                ? "dry run: would add " + wouldAdd + ", skip " + skipped + ", fail " + failed
                : "added " + added + ", skipped " + skipped + ", failed " + failed;
        out().println(head + " in " + Units.formatDuration(elapsed)
                + (interrupted ? " (interrupted; " + notStarted + " file(s) not processed)" : ""));
        if (verbosity() >= 2) {
            err().printf(Locale.ROOT, "stages (sum over files, %d jobs): hash %s, prepare %s (convert %s, compile %s),"
                    + " lock wait %s, commit %s; wall %s%n", workers, ms(total.hash()), ms(total.prepare()),
                    ms(total.convert()), ms(total.compile()), ms(total.lockWait()), ms(total.commit()),
                    Units.formatDuration(elapsed));
        }
    }

    private static String ms(long millis) {
        return Units.formatDuration(Duration.ofMillis(millis));
    }

    /** The optional --report file: the same JSON Lines as --json, written as they happen. */
    private static final class ReportFile implements AutoCloseable {
        private final PrintWriter writer;

        private ReportFile(PrintWriter writer) {
            this.writer = writer;
        }

        static ReportFile open(Path file, Path kbRoot, Path cwd) throws IOException {
            if (file == null) {
                return new ReportFile(null);
            }
            Path target = cwd.resolve(file).toAbsolutePath().normalize();
            if (target.startsWith(kbRoot)) {
                throw new KbException(ExitCode.USAGE, "--report " + file
                        + " is inside the knowledge base; write the report somewhere else");
            }
            // Checked before any file is added: a batch must not run for an hour and lose its report.
            try {
                if (target.getParent() != null) {
                    for (Path dir = target.getParent(); dir != null; dir = dir.getParent()) {
                        if (Files.exists(dir) && !Files.isDirectory(dir)) {
                            throw new NotDirectoryException(dir.toString());
                        }
                    }
                    Files.createDirectories(target.getParent());
                }
                return new ReportFile(new PrintWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8), true));
            } catch (IOException e) {
                throw new KbException(ExitCode.USAGE, "cannot write the --report file: " + KbCli.describe(e));
            }
        }

        void write(ObjectNode line) {
            if (writer != null) {
                Json.line(writer, line);
            }
        }

        @Override
        public void close() {
            if (writer != null) {
                writer.close();
            }
        }
    }
}
