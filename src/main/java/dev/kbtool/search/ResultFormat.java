package dev.kbtool.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.catalog.PassageRow;
import java.math.BigDecimal;
import java.math.MathContext;

/** How a search result reads: for people (three lines) and for programs (one JSON object). */
public final class ResultFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultFormat() {
    }

    /**
     * Title and kind, then where it is (file, page in the wiki, wikilink), then the snippet. No
     * score: BM25 values only rank, and small ones read as "no match".
     */
    public static String text(int rank, SearchResult r) {
        PassageRow p = r.passage();
        StringBuilder out = new StringBuilder();
        out.append(rank).append(". ").append(p.title().isBlank() ? p.target() : p.title().strip())
                .append(" (").append(r.kindInWords());
        if (!p.section().isBlank() && !p.section().strip().equals(p.title().strip())) {
            out.append(": ").append(p.section().strip());
        }
        out.append(")\n   ");
        if (p.fileName() != null) {
            out.append(p.fileName()).append(" · ");
        }
        out.append(r.path()).append(p.line() > 0 && p.page() == 0 ? ":" + p.line() : "").append(" · ")
                .append(r.wikilink()).append('\n');
        out.append("   ").append(r.snippet()).append('\n');
        return out.toString();
    }

    public static ObjectNode json(int rank, SearchResult r) {
        PassageRow p = r.passage();
        ObjectNode o = JSON.createObjectNode();
        o.put("rank", rank);
        o.put("title", p.title());
        o.put("kind", p.kind());
        o.put("doc", p.document());
        o.put("file", p.fileName());
        if (p.page() > 0) {
            o.put("page", p.page());
        } else {
            o.putNull("page");
        }
        o.put("section", p.section().isBlank() ? null : p.section());
        if (p.line() > 0) {
            o.put("line", p.line());
        } else {
            o.putNull("line");
        }
        o.put("target", p.target());
        o.put("wikilink", r.wikilink());
        o.put("path", r.path());
        o.put("snippet", r.snippet());
        o.put("score", significant(r.score()));
        return o;
    }

    /** Four significant digits: enough to compare. */
    private static double significant(double score) {
        return score == 0 || !Double.isFinite(score) ? score
                : new BigDecimal(score).round(new MathContext(4)).doubleValue();
    }
}
