package dev.kbtool.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.lint.LintFixer;
import dev.kbtool.lint.Problem;
import dev.kbtool.pipeline.Cancellation;
import dev.kbtool.session.KbServices;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lint", sortOptions = false,
        description = {
            "Check the wiki's structure.",
            "Finds broken links, orphan pages, raw files without a document, documents without their "
                    + "files, a stale index, frontmatter that does not parse, pages without OKF "
                    + "type/description and duplicate concept pages. Exit 1 when errors are found, 0 with only "
                    + "warnings."
        })
final class LintCommand extends BaseCommand {
    @Option(names = "--fix", description = "Repair what is mechanical: generated pages deleted by hand are"
            + " re-created from the catalog, duplicate concept pages are merged, links that still point nowhere"
            + " become text, the index is re-rendered.")
    boolean fix;

    LintCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() throws Exception {
        try (KbServices kb = openServices("kb lint --fix")) {
            ObjectNode summary = Json.object().put("summary", true);
            if (fix) {
                LintFixer.Report r = kb.lintFixer().fix(new Cancellation());
                summary.putObject("fixed").put("pages_restored", r.pagesRestored())
                        .put("links_unlinked", r.linksUnlinked())
                        .put("concepts_merged", r.conceptsMerged()).put("pages_changed", r.pagesChanged());
                for (String failure : r.notRestored()) {
                    err().println("kb: could not re-create the summary of " + failure);
                }
                if (!json() && !quiet()) {
                    out().println("fixed: " + r.pagesRestored() + " deleted page(s) re-created, " + r.linksUnlinked()
                            + " link(s) to missing pages made text, " + r.conceptsMerged()
                            + " duplicate concept page(s) merged, " + r.pagesChanged() + " page(s) changed");
                }
            }
            List<Problem> problems = kb.lint().check();
            long errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
            long warnings = problems.size() - errors;
            for (Problem p : problems) {
                if (json()) {
                    Json.line(out(), Json.object().put("severity", p.severity().label()).put("code", p.code())
                            .put("path", p.path()).put("message", p.message()));
                } else {
                    out().printf("%-7s %-22s %s: %s%n", p.severity().label(), p.code(), p.path(), p.message());
                }
            }
            if (json()) {
                Json.line(out(), summary.put("errors", errors).put("warnings", warnings));
            } else if (!quiet()) {
                out().println(problems.isEmpty() ? "no problems found"
                        : errors + " error(s), " + warnings + " warning(s)");
            }
            return errors > 0 ? ExitCode.FAILURE : ExitCode.OK;
        }
    }
}
