package dev.kbtool.compile;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code wiki/summaries/<doc>.md}: one per document, with OKF frontmatter. */
public final class SummaryPage {
    private SummaryPage() {
    }

    /**
     * @param document the document name
     * @param fileName the original file name, shown so readers know what was summarised
     */
    public static String render(String document, String fileName, DocumentAnalysis summary) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("type", "Summary");
        fm.put("description", summary.description());
        fm.put("title", summary.title());
        fm.put("source_file", fileName);
        fm.put("full_text", "sources/" + document + ".md");
        StringBuilder body = new StringBuilder();
        body.append("# ").append(summary.title()).append("\n\n");
        body.append("Full text: ").append(Wikilinks.link("sources/" + document, fileName)).append("\n\n");
        body.append("## Summary\n\n");
        if (summary.summary().isEmpty()) {
            body.append("_The document has no running text to summarise._\n");
        } else {
            body.append(String.join(" ", summary.summary())).append('\n');
        }
        return Frontmatter.render(fm, body.toString());
    }
}
