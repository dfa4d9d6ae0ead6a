package dev.kbtool.cli;

import dev.kbtool.convert.Converters;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.session.KbServices;
import dev.kbtool.watch.Watcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "watch", sortOptions = false,
        description = {
            "Keep the knowledge base in sync with folders as files appear, change, move and disappear.",
            "Syncs once like kb sync, then follows the system's file events, with a full rescan now and "
                    + "then for file systems that drop events. A file is taken once its size and modification "
                    + "time have stood still for the settle delay, so a file being copied is never added half "
                    + "written. The lock is held only while a document commits, so other kb commands run "
                    + "meanwhile. A watched folder that disappears is waited for; nothing added from it is "
                    + "removed. Prints one line per change (JSON Lines with --json). Stops after the commit in "
                    + "flight on Ctrl-C (exit 130) or SIGTERM (exit 0)."
        })
final class WatchCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders (or files) to keep in sync.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--settle", paramLabel = "DUR", converter = KbCommand.DurationConverter.class, defaultValue = "1s",
            description = "How long a file must stand still before it is taken (default: ${DEFAULT-VALUE}).")
    Duration settle;

    @Option(names = "--rescan", paramLabel = "DUR", converter = KbCommand.DurationConverter.class, defaultValue = "1m",
            description = "How often to look at everything, events or not (default: ${DEFAULT-VALUE}).")
    Duration rescan;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Prepare N files in parallel; 0 means one per CPU core (default: jobs in config, else one per core).")
    Integer jobs;

    @Option(names = "--keep-raw", description = "Keep the original copy in raw/ of a document whose file is gone.")
    boolean keepRaw;

    WatchCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() throws Exception {
        checkJobs(jobs);
        if (settle.isNegative() || rescan.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new KbException(ExitCode.USAGE, "--settle must not be negative and --rescan must be at least 1s");
        }
        Cancellation cancellation = context.cancellation();
        Converters converters = Converters.standard();
        try (KbServices kb = openServices("kb watch")) {
            kb.engine().settle();
            Watcher watcher = new Watcher(kb.syncPlanner(converters, context.cwd()),
                    kb.syncer(converters, kb.jobs(jobs), false, keepRaw, cancellation, context.cwd()), cancellation,
                    paths, context.cwd(), new Watcher.Options(settle, rescan));
            watcher.run(new Watcher.Listener() {
                @Override
                public void outcome(AddOutcome o) {
                    if (o.leftOut() && verbosity() < 1) {
                        return;
                    }
                    if (json()) {
                        Json.line(out(), AddCommand.toJson(o));
                    } else if (!quiet() || o.status().failed()) {
                        out().println(AddProgress.lineFor(o));
                    }
                    out().flush();
                }

                @Override
                public void notice(String message) {
                    WatchCommand.this.notice(message);
                }

                @Override
                public void watching() {
                    WatchCommand.this.notice("watching " + String.join(", ", paths.stream().map(Path::toString)
                            .toList()) + " (Ctrl-C to stop)");
                }
            });
        }
        notice("stopped watching");
        return "TERM".equals(cancellation.signal()) ? ExitCode.OK : ExitCode.INTERRUPTED;
    }
}
