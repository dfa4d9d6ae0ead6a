package dev.kbtool.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.convert.Converters;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.AddStatus;
import dev.kbtool.ingest.BatchVerdict;
import dev.kbtool.ingest.InputScanner;
import dev.kbtool.session.KbServices;
import dev.kbtool.sync.SyncPlan;
import dev.kbtool.sync.Syncer;
import dev.kbtool.text.Units;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sync", sortOptions = false,
        description = {
            "Make the knowledge base reflect folders: add new files, update changed ones, remove "
                    + "documents whose file is gone.",
            "A file whose size and modification time are as kb recorded when it last read it is not read "
                    + "again. A document whose file was renamed or moved within the folders keeps its name and "
                    + "pages. A folder that is missing is reported and nothing added from it is removed. Files "
                    + "are prepared in parallel and committed one at a time, each in its own transaction, like "
                    + "kb add; run twice, the second run changes nothing. kb add never removes anything."
        })
final class SyncCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders (or files) to mirror.")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Prepare N files in parallel; 0 means one per CPU core (default: jobs in config, else one per core).")
    Integer jobs;

    @Option(names = "--dry-run", description = "Say what would be added, updated, moved and removed; change nothing.")
    boolean dryRun;

    @Option(names = "--keep-raw", description = "Keep the original copy in raw/ of a document whose file is gone.")
    boolean keepRaw;

    SyncCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() throws Exception {
        long start = System.nanoTime();
        checkJobs(jobs);
        Converters converters = Converters.standard();
        try (KbServices kb = openServices("kb sync")) {
            if (!dryRun) {
                kb.engine().settle();
            }
            SyncPlan plan = kb.syncPlanner(converters, context.cwd()).plan(paths, InputScanner.Scope.ALL);
            int workers = kb.jobs(jobs);
            List<AddOutcome> outcomes = new ArrayList<>();
            AddProgress progress = new AddProgress(err(), context.progressBarAllowed(), quiet(), verbosity() >= 1,
                    verbosity() >= 2, plan.changed().size() + plan.moves().size() + plan.gone().size());
            for (AddOutcome problem : plan.problems()) {
                report(problem, progress, outcomes);
            }
            int heldBefore = kb.session().catalog().heldPages().size();
            Syncer syncer = kb.syncer(converters, workers, dryRun, keepRaw, context.cancellation(), context.cwd());
            try {
                syncer.run(plan, o -> report(o, progress, outcomes));
            } finally {
                progress.finish();
            }
            reportHeld(kb, heldBefore);
            boolean interrupted = context.cancellation().isCancelled();
            ExitCode code = interrupted ? ExitCode.INTERRUPTED : AddCommand.exitCode(BatchVerdict.of(outcomes));
            summarize(outcomes, plan.unchanged(), Duration.ofNanos(System.nanoTime() - start), interrupted, code);
            return code;
        }
    }

    private void report(AddOutcome o, AddProgress progress, List<AddOutcome> outcomes) {
        outcomes.add(o);
        if (json()) {
            Json.line(out(), AddCommand.toJson(o));
        }
        progress.onOutcome(o);
    }

    private void summarize(List<AddOutcome> outcomes, int unchanged, Duration elapsed, boolean interrupted,
            ExitCode code) {
        Map<AddStatus, Long> counts = new EnumMap<>(AddStatus.class);
        for (AddOutcome o : outcomes) {
            if (!o.leftOut()) {
                counts.merge(o.status(), 1L, Long::sum);
            }
        }
        long added = count(counts, AddStatus.ADDED, AddStatus.WOULD_ADD);
        long updated = count(counts, AddStatus.UPDATED, AddStatus.WOULD_UPDATE);
        long moved = count(counts, AddStatus.MOVED, AddStatus.WOULD_MOVE);
        long removed = count(counts, AddStatus.REMOVED, AddStatus.WOULD_REMOVE);
        long skipped = count(counts, AddStatus.SKIPPED, AddStatus.WOULD_SKIP);
        long failed = count(counts, AddStatus.FAILED, AddStatus.WOULD_FAIL);
        if (json()) {
            ObjectNode summary = Json.object().put("summary", true).put("added", added).put("updated", updated)
                    .put("moved", moved).put("removed", removed).put("unchanged", unchanged).put("skipped", skipped)
                    .put("failed", failed).put("left_out", outcomes.stream().filter(AddOutcome::leftOut).count())
                    .put("milliseconds", elapsed.toMillis());
            if (dryRun) {
                summary.put("dry_run", true);
            }
            if (interrupted) {
                summary.put("interrupted", true);
            }
            Json.line(out(), summary.put("exit_code", code.code()));
            return;
        }
        if (quiet()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        String[] words = dryRun ? new String[] {"add", "update", "move", "remove", "skip", "fail"}
                : new String[] {"added", "updated", "moved", "removed", "skipped", "failed"};
        long[] numbers = {added, updated, moved, removed, skipped, failed};
        for (int i = 0; i < words.length; i++) {
            parts.add(words[i] + " " + numbers[i]);
        }
        out().println((dryRun ? "dry run: would " : "") + String.join(", ", parts) + "; " + unchanged
                + " unchanged, in " + Units.formatDuration(elapsed) + (interrupted ? " (interrupted)" : ""));
    }

    private static long count(Map<AddStatus, Long> counts, AddStatus real, AddStatus planned) {
        return counts.getOrDefault(real, 0L) + counts.getOrDefault(planned, 0L);
    }
}
