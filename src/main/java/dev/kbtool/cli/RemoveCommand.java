package dev.kbtool.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.catalog.DocumentMatcher;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.remove.DocumentRemover;
import dev.kbtool.session.KbServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "remove", sortOptions = false,
        description = {
            "Remove documents and everything they contributed.",
            "Takes away each document's raw file, source, images and summary and its contributions to "
                    + "concept and entity pages, in one transaction per document. Pages left without "
                    + "contributions are deleted, links to deleted pages become plain text. A document a remove "
                    + "already took away is reported as removed earlier, so a remove run again after a kill "
                    + "finishes the rest. DOC is a document "
                    + "name, a file name, or an unambiguous part of either. On a terminal kb asks first; "
                    + "elsewhere pass --yes."
        })
final class RemoveCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "DOC", description = "Documents to remove.")
    List<String> documents = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print what would be deleted or modified; change nothing.")
    boolean dryRun;

    @Option(names = "--keep-raw", description = "Keep the original files in raw/.")
    boolean keepRaw;

    @Option(names = "--keep-empty", description = "Keep concept and entity pages that lose their last contribution.")
    boolean keepEmpty;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    RemoveCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() throws Exception {
        long start = System.nanoTime();
        try (KbServices kb = openServices("kb remove")) {
            if (!dryRun) {
                // Run again after a crash, the command may find its document gone: the KB must
                // still come out whole.
                kb.engine().settle();
            }
            DocumentMatcher.Resolution resolved = DocumentMatcher.eachOrRemoved(kb.session().catalog(), documents);
            Map<String, DocumentRecord> targets = resolved.documents();
            for (String gone : resolved.removedEarlier()) {
                // Run again after a kill, a remove finds what it already did: not an error.
                if (json()) {
                    Json.line(out(), Json.object().put("doc", gone).put("status", "removed earlier"));
                } else if (!quiet()) {
                    out().println(gone + ": removed earlier");
                }
            }
            DocumentRemover remover = kb.remover(keepRaw, keepEmpty);
            // The plan is for a person to read; remove() plans again under the lock, so it is
            // made only when it will be shown.
            if (dryRun || (!yes && context.stdinInteractive())) {
                List<DocumentRemover.Removal> plans = new ArrayList<>();
                for (DocumentRecord d : targets.values()) {
                    plans.add(remover.plan(d));
                }
                print(plans);
            }
            if (dryRun) {
                if (json()) {
                    Json.line(out(), Json.object().put("summary", true).put("dry_run", true)
                            .put("would_remove", targets.size()));
                }
                return ExitCode.OK;
            }
            if (!targets.isEmpty() && !Confirmation.confirm(context, err(), yes, "Remove " + targets.size()
                    + " document(s)?", "kb remove changes the knowledge base")) {
                err().println("kb: aborted; nothing changed");
                return ExitCode.FAILURE;
            }
            int heldBefore = kb.session().catalog().heldPages().size();
            remover.removeAll(targets.values(), d -> {
                if (json()) {
                    Json.line(out(), Json.object().put("doc", d.name()).put("status", "removed"));
                } else if (!quiet()) {
                    out().println("removed " + d.name() + " (" + d.fileName() + ")");
                }
            });
            reportHeld(kb, heldBefore);
            if (json()) {
                Json.line(out(), Json.object().put("summary", true).put("removed", targets.size())
                        .put("removed_earlier", resolved.removedEarlier().size())
                        .put("milliseconds", (System.nanoTime() - start) / 1_000_000));
            }
        }
        return ExitCode.OK;
    }

    private void print(List<DocumentRemover.Removal> plans) {
        for (DocumentRemover.Removal r : plans) {
            if (json()) {
                ObjectNode node = Json.object().put("doc", r.document().name()).put("status", "plan");
                r.deletes().forEach(node.putArray("delete")::add);
                r.modifies().forEach(node.putArray("modify")::add);
                Json.line(out(), node);
                continue;
            }
            out().println("Remove " + r.document().name() + " (" + r.document().fileName() + "):");
            r.deletes().forEach(p -> out().println("  DELETE " + p));
            r.modifies().forEach(p -> out().println("  MODIFY " + p));
        }
        if (dryRun && !json() && !quiet()) {
            out().println("(dry run: nothing changed)");
        }
        out().flush();
    }
}
