package dev.kbtool.render;

import dev.kbtool.catalog.TopicKind;
import dev.kbtool.catalog.TopicRecord;
import dev.kbtool.catalog.TreeNode;
import dev.kbtool.compile.DocumentAnalysis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code wiki/summaries/<doc>.md}: one per document, with OKF frontmatter and links to its topics. */
public final class SummaryPage {
    private SummaryPage() {
    }

    /**
     * @param document the document name
     * @param fileName the original file name, shown so readers know what was summarised
     * @param origin   where the file was added from (its path then), so a reader can find it again
     * @param concepts the concept pages this document contributes to
     * @param entities the entity pages this document contributes to
     */
    public static String render(String document, String fileName, String origin, String sourceLink,
            DocumentAnalysis summary, List<TreeNode> contents, List<TopicRecord> concepts, List<TopicRecord> entities) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("type", "Summary");
        fm.put("description", summary.description());
        fm.put("title", summary.title());
        fm.put("source_file", fileName);
        fm.put("origin", origin);
        fm.put("full_text", sourceLink.endsWith(".json") ? sourceLink : sourceLink + ".md");
        StringBuilder body = new StringBuilder();
        body.append("# ").append(summary.title()).append("\n\n");
        body.append(contents.isEmpty() ? "Full text: " : "Full text, page by page: ")
                .append(Wikilinks.link(sourceLink, fileName)).append("\n\n");
        body.append("## Summary\n\n");
        if (summary.summary().isEmpty()) {
            body.append("_The document has no running text to summarise._\n");
        } else {
            body.append(String.join(" ", summary.summary())).append('\n');
        }
        if (!contents.isEmpty()) {
            body.append("\n## Contents\n\n");
            for (TreeNode n : contents) {
                body.append("  ".repeat(Math.max(0, n.level() - 1))).append("- **").append(n.title().strip())
                        .append("** (").append(n.startPage() == n.endPage() ? "page " + n.startPage()
                                : "pages " + n.startPage() + "–" + n.endPage()).append(')');
                if (!n.summary().isBlank()) {
                    body.append(" — ").append(n.summary().strip());
                }
                body.append('\n');
            }
        }
        links(body, "Related Concepts", TopicKind.CONCEPT, concepts);
        links(body, "Entities", TopicKind.ENTITY, entities);
        return Frontmatter.render(fm, body.toString());
    }

    private static void links(StringBuilder body, String heading, TopicKind kind, List<TopicRecord> topics) {
        if (topics.isEmpty()) {
            return;
        }
        body.append("\n## ").append(heading).append("\n\n");
        for (TopicRecord t : topics) {
            body.append("- ").append(Wikilinks.link(kind.link(t.key()), t.name()));
            if (kind == TopicKind.ENTITY) {
                body.append(" (").append(t.type().toLowerCase(java.util.Locale.ROOT)).append(')');
            }
            body.append('\n');
        }
    }
}
