package dev.kbtool.search;

import dev.kbtool.catalog.PassageRow;
import java.util.regex.Pattern;

/**
 * One search result: a passage, its score and the snippet shown for it, with the ways a reader
 * or a program finds it in the wiki.
 */
public record SearchResult(PassageRow passage, double score, String snippet) {
    /** Headings Obsidian links to as written: no characters its link syntax gives a meaning. */
    private static final Pattern PLAIN_HEADING = Pattern.compile("[^#|^\\[\\]\\n]{1,120}");

    /**
     * The wikilink to the page; for a later section of a document without pages, to its heading
     * (Obsidian opens the page there). A long document's passages carry the heading of their page
     * in the target already.
     */
    public String wikilink() {
        PassageRow p = passage;
        boolean section = p.kind().equals("source") && p.page() == 0 && p.line() > 1 && !p.section().isEmpty()
                && PLAIN_HEADING.matcher(p.section()).matches() && !p.target().endsWith(".json")
                && !p.target().contains("#");
        return "[[" + p.target() + (section ? "#" + p.section() : "") + "]]";
    }

    /** The file in the knowledge base, relative to its root. */
    public String path() {
        return pathOf(passage.target());
    }

    /** The file of a wikilink target, relative to the knowledge base's root. */
    public static String pathOf(String target) {
        int anchor = target.indexOf('#');
        String page = anchor < 0 ? target : target.substring(0, anchor);
        return "wiki/" + page + (page.endsWith(".json") ? "" : ".md");
    }

    /** What the result is, in words: "summary", "source, page 3", "concept"... */
    public String kindInWords() {
        return describe(passage.kind(), passage.page());
    }

    public static String describe(String kind, int page) {
        String k = switch (kind) {
            case "answer" -> "saved answer";
            default -> kind;
        };
        return page > 0 ? k + ", page " + page : k;
    }
}
