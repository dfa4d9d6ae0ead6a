package dev.kbtool.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.catalog.PageKind;
import dev.kbtool.catalog.TransactionRecord;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.session.KbSession;
import dev.kbtool.text.Units;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "status", description = "Summarise the knowledge base: documents, pages per folder, last change.")
final class StatusCommand extends BaseCommand {
    StatusCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        try (KbSession session = openKbToRead()) {
            int documents = session.catalog().documentCount();
            Map<PageKind, Integer> pages = session.catalog().pageCounts();
            Optional<TransactionRecord> last = session.catalog().lastTransaction();
            int held = session.catalog().heldPages().size();
            if (json()) {
                ObjectNode node = Json.object()
                        .put("kb", session.layout().root().toString())
                        .put("catalog", session.layout().catalogFile().toString())
                        .put("documents", documents)
                        .put("pages_keeping_edits", held);
                ObjectNode counts = node.putObject("pages");
                for (PageKind kind : PageKind.values()) {
                    counts.put(kind.folder(), pages.get(kind));
                }
                if (last.isPresent()) {
                    node.putObject("last_change")
                            .put("operation", last.get().operation())
                            .put("detail", last.get().detail())
                            .put("at", last.get().committedAt().toString())
                            .put("txid", last.get().txid());
                } else {
                    node.putNull("last_change");
                }
                Json.line(out(), node);
                return ExitCode.OK;
            }
            out().println("Knowledge base: " + session.layout().root());
            out().println("Catalog:        " + session.layout().catalogFile());
            out().println("Documents:      " + documents);
            out().println("Pages:");
            for (PageKind kind : PageKind.values()) {
                out().printf("  %-10s %6d%n", kind.folder(), pages.get(kind));
            }
            if (held > 0) {
                out().println("Kept edits:     " + held + " page(s) keep a person's edit of kb's part; kb's update is"
                        + " set aside (kb doctor lists them)");
            }
            out().println("Last change:    " + last.map(t -> Units.formatMinute(t.committedAt()) + " " + t.operation() + " " + t.detail())
                    .orElse("none"));
        }
        return ExitCode.OK;
    }
}
