package dev.kbtool.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.lint.Doctor;
import dev.kbtool.lint.Problem;
import dev.kbtool.session.KbServices;
import dev.kbtool.session.KbSession;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", sortOptions = false,
        description = {
            "Check every invariant of the knowledge base.",
            "Looks at unfinished or quarantined transactions, stale staging, leftover temp files, the "
                    + "catalog's integrity, catalog against files, frontmatter and the index. Exit 0 when "
                    + "healthy (warnings, such as a file in raw/ without a document, do not count), 1 when "
                    + "errors are found. Without --repair it changes nothing; it waits for a command that is "
                    + "changing the knowledge base, so work in progress is never reported as damage."
        })
final class DoctorCommand extends BaseCommand {
    @Option(names = "--repair", description = "Run recovery, remove leftovers and re-render the index, then check.")
    boolean repair;

    DoctorCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() throws Exception {
        // Only a repair changes anything: a plain check works with a broken config, like list.
        try (KbServices kb = repair ? openServices("kb doctor --repair") : services(openKbToRead(), "kb doctor")) {
            KbSession session = kb.session();
            Doctor doctor = kb.doctor();
            List<Problem> problems = repair ? doctor.repairThenCheck() : doctor.check();
            long errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
            boolean healthy = errors == 0;
            if (json()) {
                ObjectNode node = Json.object()
                        .put("kb", session.layout().root().toString())
                        .put("healthy", healthy)
                        .put("documents", session.catalog().documentCount());
                ArrayNode list = node.putArray("problems");
                for (Problem p : problems) {
                    list.addObject().put("code", p.code()).put("path", p.path()).put("message", p.message())
                            .put("severity", p.severity().label());
                }
                Json.line(out(), node);
            } else {
                for (Problem p : problems) {
                    out().println(p.code() + "  " + p.path() + ": " + p.message());
                }
                if (!quiet()) {
                    out().println(healthy
                            ? (problems.isEmpty() ? "healthy" : "healthy; " + problems.size() + " warning(s) found")
                            : errors + " problem(s) found" + (errors < problems.size()
                                    ? ", and " + (problems.size() - errors) + " warning(s)" : ""));
                }
            }
            return healthy ? ExitCode.OK : ExitCode.FAILURE;
        }
    }
}
