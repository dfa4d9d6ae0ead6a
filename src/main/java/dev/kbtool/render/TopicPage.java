package dev.kbtool.render;

import dev.kbtool.catalog.TopicRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A concept or entity page: a header (OKF {@code type} and {@code description}, aliases),
 * an overview when one has been synthesized, then one short contribution per source
 * document, most relevant first. Only a bounded number are shown in full and a bounded
 * number more are linked, so no page outgrows a reader's patience or a model's context.
 */
public final class TopicPage {
    private TopicPage() {
    }

    /** A contribution as shown: which document (link and title) and what it says. */
    public record Shown(String documentLink, String documentTitle, String text) {
    }

    /**
     * @param full     contributions shown in full
     * @param linked   further documents, linked only
     * @param total    how many documents contribute in all
     */
    public static String render(TopicRecord topic, List<Shown> full, List<Shown> linked, int total) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("type", topic.type());
        fm.put("description", topic.description());
        fm.put("title", topic.name());
        if (!topic.aliases().isEmpty()) {
            fm.put("aliases", topic.aliases());
        }
        fm.put("documents", total);
        StringBuilder body = new StringBuilder("# ").append(topic.name()).append("\n\n");
        if (!topic.overview().isBlank()) {
            body.append(topic.overview().strip()).append("\n\n");
        }
        body.append("## Contributions\n");
        if (full.isEmpty()) {
            body.append("\n_No document in the knowledge base contributes to this page any more._\n");
        }
        for (Shown s : full) {
            body.append("\n### ").append(Wikilinks.link(s.documentLink(), s.documentTitle())).append("\n\n")
                    .append(s.text().strip()).append('\n');
        }
        if (!linked.isEmpty()) {
            body.append("\n## Also mentioned in\n\n");
            for (Shown s : linked) {
                body.append("- ").append(Wikilinks.link(s.documentLink(), s.documentTitle())).append('\n');
            }
        }
        int hidden = total - full.size() - linked.size();
        if (hidden > 0) {
            body.append("\n…and ").append(hidden).append(hidden == 1 ? " more document" : " more documents")
                    .append(" (`kb search \"").append(topic.name().replace("\"", "")).append("\"` finds them).\n");
        }
        return Frontmatter.render(fm, body.toString());
    }
}
