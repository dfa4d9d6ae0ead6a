package dev.kbtool.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.convert.Converters;
import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.AddStatus;
import dev.kbtool.ingest.AddPipeline;
import dev.kbtool.ingest.DocumentPreparer;
import dev.kbtool.compile.LeadSummarizer;
import dev.kbtool.tx.TxEngine;
import dev.kbtool.ingest.InputScanner;
import dev.kbtool.kb.ExitCode;
import dev.kbtool.kb.KbException;
import dev.kbtool.kb.KbSession;
import dev.kbtool.kb.Units;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "add", sortOptions = false,
        description = {
            "Add files and folders (recursively) to the knowledge base.",
            "Files whose content is already in the knowledge base are skipped; a changed file",
            "added again from the same place replaces its earlier version."
        })
final class AddCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to add.")
    List<Path> paths = new ArrayList<>();

    AddCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() throws Exception {
        long start = System.nanoTime();
        Converters converters = Converters.standard();
        InputScanner.Scan scan = new InputScanner(converters, context.cwd()).scan(paths);
        if (paths.size() == 1 && scan.files().isEmpty() && !scan.problems().isEmpty()) {
            AddOutcome only = scan.problems().get(0);
            ExitCode code = only.reason().startsWith("unsupported") ? ExitCode.DATA_ERROR : ExitCode.NO_INPUT;
            throw new KbException(code, only.path() + ": " + only.reason());
        }
        List<AddOutcome> outcomes = new ArrayList<>();
        try (KbSession session = openKb()) {
            for (AddOutcome problem : scan.problems()) {
                report(problem);
                outcomes.add(problem);
            }
            if (scan.files().isEmpty() && scan.problems().isEmpty() && !quiet() && !json()) {
                err().println("kb: no supported files found in " + String.join(", ", paths.stream().map(Path::toString).toList()));
            }
            TxEngine engine = engine(session, "kb add");
            DocumentPreparer preparer = new DocumentPreparer(session.catalog(), session.config(), converters,
                    new LeadSummarizer(5));
            outcomes.addAll(new AddPipeline(engine, preparer).run(scan.files(), this::report));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        summarize(outcomes, elapsed);
        long failed = outcomes.stream().filter(o -> o.status() == AddStatus.FAILED).count();
        if (failed == 0) {
            return ExitCode.OK;
        }
        // One file that could not be added is bad input; a batch with some failures is partial.
        return outcomes.size() == 1 ? ExitCode.DATA_ERROR : ExitCode.PARTIAL;
    }

    private void report(AddOutcome o) {
        if (json()) {
            ObjectNode line = Json.object()
                    .put("path", o.path())
                    .put("status", o.status().label())
                    .put("doc", o.document())
                    .put("reason", o.reason())
                    .put("milliseconds", o.millis());
            Json.line(out(), line);
        }
        if (quiet()) {
            if (o.status() == AddStatus.FAILED) {
                err().println("kb: " + o.path() + ": " + o.reason());
            }
            return;
        }
        if (!json() || o.status() == AddStatus.FAILED) {
            err().println(progressLine(o));
        }
    }

    static String progressLine(AddOutcome o) {
        return switch (o.status()) {
            case ADDED -> "added   " + o.path() + " -> " + o.document();
            case SKIPPED -> "skipped " + o.path() + " (" + o.reason() + ")";
            case FAILED -> "failed  " + o.path() + ": " + o.reason();
        };
    }

    private void summarize(List<AddOutcome> outcomes, Duration elapsed) {
        long added = outcomes.stream().filter(o -> o.status() == AddStatus.ADDED).count();
        long skipped = outcomes.stream().filter(o -> o.status() == AddStatus.SKIPPED).count();
        long failed = outcomes.stream().filter(o -> o.status() == AddStatus.FAILED).count();
        if (json()) {
            Json.line(out(), Json.object().put("summary", true).put("added", added).put("skipped", skipped)
                    .put("failed", failed).put("milliseconds", elapsed.toMillis()));
        } else if (!quiet()) {
            out().println("added " + added + ", skipped " + skipped + ", failed " + failed
                    + " in " + Units.formatDuration(elapsed));
        }
    }
}
