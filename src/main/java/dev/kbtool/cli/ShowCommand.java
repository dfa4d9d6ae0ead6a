package dev.kbtool.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.ContributionRecord;
import dev.kbtool.catalog.DocumentMatcher;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.catalog.PageRecord;
import dev.kbtool.catalog.TopicKind;
import dev.kbtool.catalog.TreeNode;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.session.KbSession;
import dev.kbtool.text.Printable;
import dev.kbtool.text.Units;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", sortOptions = false,
        description = {
            "Show one document: where it came from, its type, pages and hash, when it was added and last "
                    + "updated, its description, its concepts and entities, and its wiki pages.",
            "Read-only, never waits for a lock. A long document's parts are listed with their pages."
        })
final class ShowCommand extends BaseCommand {
    /** Parts of a long document's page tree shown in text; --json has them all. */
    private static final int PARTS_SHOWN = 30;

    @Parameters(index = "0", paramLabel = "DOC", completionCandidates = DocumentNames.class,
            description = "The document: its name, its file name, or an unambiguous part of either.")
    String document;

    ShowCommand(CliContext context) {
        super(context);
    }

    /** What one document is made of, read from the catalog in one go. */
    private record View(DocumentRecord doc, String title, Optional<Instant> updated, List<PageRecord> pages,
            List<Topic> concepts, List<Topic> entities, List<TreeNode> tree) {
    }

    private record Topic(String name, String type, String page) {
    }

    @Override
    protected ExitCode execute() {
        View v;
        try (KbSession session = openKbToRead()) {
            v = view(session.catalog(), DocumentMatcher.each(session.catalog(), List.of(document)).values()
                    .iterator().next());
        }
        if (json()) {
            printJson(v);
        } else {
            printText(v);
        }
        return ExitCode.OK;
    }

    private static View view(Catalog catalog, DocumentRecord d) {
        List<ContributionRecord> contributions = new ArrayList<>(catalog.contributionsOf(d.name()));
        contributions.sort(Comparator.comparingDouble(ContributionRecord::score).reversed());
        List<Topic> concepts = new ArrayList<>();
        List<Topic> entities = new ArrayList<>();
        for (ContributionRecord c : contributions) {
            String type = catalog.topic(c.kind(), c.key()).map(t -> t.type()).orElse("");
            (c.kind() == TopicKind.CONCEPT ? concepts : entities).add(new Topic(c.name(), type,
                    c.kind().pagePath(c.key())));
        }
        return new View(d, catalog.documentTitle(d.name()), catalog.lastWritten(d.name()), catalog.pagesOf(d.name()),
                concepts, entities, catalog.tree(d.name()));
    }

    private void printText(View v) {
        PrintWriter out = out();
        DocumentRecord d = v.doc();
        field("Document", d.name());
        if (!v.title().equals(d.name())) {
            field("Title", v.title());
        }
        field("Origin", Printable.escape(d.origin()));
        field("Type", d.type() + (d.pages() > 0 ? ", " + d.pages() + " pages" : "") + " (" + Printable.escape(
                d.fileName()) + ")");
        field("Hash", "sha256:" + d.hash());
        field("Added", Units.formatMinute(d.addedAt()));
        v.updated().filter(u -> u.isAfter(d.addedAt().plusSeconds(60)))
                .ifPresent(u -> field("Updated", Units.formatMinute(u)));
        if (!d.description().isBlank()) {
            field("Description", d.description());
        }
        field("Raw", d.rawPath());
        field("Source", d.readablePath());
        if (!d.readablePath().equals(d.sourcePath())) {
            field("Page data", d.sourcePath());
        }
        field("Summary", d.summaryPath());
        if (!v.tree().isEmpty()) {
            int top = v.tree().stream().mapToInt(TreeNode::level).min().orElse(1);
            List<TreeNode> parts = v.tree().stream().filter(n -> n.level() == top).toList();
            out.println();
            out.println("Parts (" + parts.size() + "):");
            for (TreeNode n : parts.subList(0, Math.min(parts.size(), PARTS_SHOWN))) {
                out.println("  " + pages(n) + "  " + n.title());
            }
            if (parts.size() > PARTS_SHOWN) {
                out.println("  ... " + (parts.size() - PARTS_SHOWN) + " more (kb show --json lists them all)");
            }
        }
        topics("Concepts", v.concepts());
        topics("Entities", v.entities());
    }

    private void field(String label, String value) {
        out().printf("%-12s %s%n", label + ":", value);
    }

    private void topics(String label, List<Topic> topics) {
        out().println();
        out().println(label + " (" + topics.size() + "):" + (topics.isEmpty() ? " none" : ""));
        List<String> names = topics.stream().map(t -> Printable.escape(t.name()) + (t.type().isEmpty()
                || t.type().equals("Concept") ? "" : " (" + t.type() + ")")).toList();
        int width = names.stream().mapToInt(Columns::width).max().orElse(0);
        for (int i = 0; i < topics.size(); i++) {
            String name = names.get(i);
            out().println("  " + name + " ".repeat(width - Columns.width(name)) + "  " + topics.get(i).page());
        }
    }

    private static String pages(TreeNode n) {
        return n.startPage() == n.endPage() ? String.format("p. %-7d", n.startPage())
                : String.format("pp. %-6s", n.startPage() + "-" + n.endPage());
    }

    private void printJson(View v) {
        DocumentRecord d = v.doc();
        ObjectNode node = Json.summary().put("doc", d.name()).put("title", v.title()).put("origin", d.origin())
                .put("file", d.fileName()).put("type", d.type()).put("pages", d.pages()).put("hash", d.hash())
                .put("added_at", d.addedAt().toString())
                .put("updated_at", v.updated().orElse(d.addedAt()).toString())
                .put("description", d.description()).put("raw", d.rawPath()).put("source", d.readablePath())
                .put("page_data", d.readablePath().equals(d.sourcePath()) ? null : d.sourcePath())
                .put("summary_page", d.summaryPath());
        ArrayNode wiki = node.putArray("wiki_pages");
        v.pages().forEach(p -> wiki.add("wiki/" + p.path()));
        topicsJson(node.putArray("concepts"), v.concepts());
        topicsJson(node.putArray("entities"), v.entities());
        ArrayNode tree = node.putArray("tree");
        for (TreeNode n : v.tree()) {
            tree.addObject().put("level", n.level()).put("title", n.title()).put("start_page", n.startPage())
                    .put("end_page", n.endPage());
        }
        Json.line(out(), node);
    }

    private static void topicsJson(ArrayNode array, List<Topic> topics) {
        for (Topic t : topics) {
            array.addObject().put("name", t.name()).put("type", t.type()).put("page", t.page());
        }
    }
}
