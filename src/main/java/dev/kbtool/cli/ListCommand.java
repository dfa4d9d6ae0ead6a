package dev.kbtool.cli;

import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.session.KbSession;
import dev.kbtool.text.Printable;
import dev.kbtool.text.Units;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "list", description = "List the documents in the knowledge base (read-only, never waits for a lock).")
final class ListCommand extends BaseCommand {
    ListCommand(CliContext context) {
        super(context);
    }

    /** Where a document came from, relative to the working folder when it lies inside it. */
    private String shown(Path origin) {
        return origin.startsWith(context.cwd()) ? context.cwd().relativize(origin).toString() : origin.toString();
    }

    @Override
    protected ExitCode execute() {
        List<DocumentRecord> docs;
        try (KbSession session = openKbToRead()) {
            docs = session.catalog().documents();
        }
        if (json()) {
            for (DocumentRecord d : docs) {
                Json.line(out(), Json.object()
                        .put("doc", d.name())
                        .put("file", d.fileName())
                        .put("origin", d.origin())
                        .put("type", d.type())
                        .put("pages", d.pages())
                        .put("hash", d.hash())
                        .put("raw", d.rawPath())
                        .put("source", d.readablePath())
                        .put("summary", d.summaryPath())
                        .put("description", d.description())
                        .put("added_at", d.addedAt().toString()));
            }
            Json.line(out(), Json.summary().put("documents", docs.size()));
            return ExitCode.OK;
        }
        if (docs.isEmpty()) {
            if (!quiet()) {
                err().println(context.asRun("No documents yet; add some with 'kb add PATH'."));
            }
            return ExitCode.OK;
        }
        int nameWidth = Math.min(48, Math.max(8, docs.stream().mapToInt(d -> d.name().length()).max().orElse(8)));
        String format = "%-" + nameWidth + "s  %-5s  %5s  %-16s  %s%n";
        out().printf(format, "DOCUMENT", "TYPE", "PAGES", "ADDED", "ORIGIN");
        for (DocumentRecord d : docs) {
            out().printf(format, d.name(), d.type(), d.pages() > 0 ? Integer.toString(d.pages()) : "-",
                    Units.formatMinute(d.addedAt()), Printable.escape(shown(Path.of(d.origin()))));
        }
        return ExitCode.OK;
    }
}
