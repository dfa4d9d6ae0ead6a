package dev.kbtool.render;

import dev.kbtool.convert.ConvertedDocument;
import dev.kbtool.convert.ConvertedPage;
import dev.kbtool.text.ActiveContent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wiki/sources/<doc>.md}: a document's converted text. Links in it point into its
 * author's world, not this wiki, so they become plain text — except a Markdown note's wikilinks,
 * which lead to the pages of the documents they name and otherwise stay as written; scripts and links that would run
 * code are taken out ({@link ActiveContent}). Markdown documents keep their
 * own frontmatter; converted formats get one with what the converter learnt (title, author,
 * pages), so a reader of the page sees where it came from.
 *
 * <p>A long document's page holds its whole text too, each page (or part, for a big text file)
 * under a heading of its own ({@link #pageHeading}) that the Contents of its summary link to;
 * kb's own per-page data stays in {@code sources/<doc>.json}, which this page never replaces.
 */
public final class SourcePage {
    private static final Pattern FRONTMATTER = Pattern.compile("\\A---\\n.*?\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)",
            Pattern.DOTALL);

    private SourcePage() {
    }

    /**
     * The heading above page {@code number} in a long document's page, which links reach as
     * {@code [[sources/<doc>#<heading>]]}: "Page 12", or "Part 12" for a text file cut into parts.
     */
    public static String pageHeading(boolean parts, int number) {
        return (parts ? "Part " : "Page ") + number;
    }

    /** Whether a long document of this file is made of parts (a big text or Markdown file), not pages. */
    public static boolean inParts(String fileName) {
        return fileName.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(md|markdown|txt|text)");
    }

    /**
     * A long document's readable page: every page's text under its heading, in order.
     *
     * @param parts whether the pages are parts of a text file rather than a paged format's pages
     */
    public static String renderPaged(ConvertedDocument doc, String fileName, String stagedPrefix, String imagePrefix,
            boolean markdown, boolean parts, Function<String, String> pageOf) {
        StringBuilder body = new StringBuilder();
        String frontmatter = "";
        for (ConvertedPage page : doc.pages()) {
            String text = page.markdown();
            if (markdown && page.number() == doc.pages().get(0).number()) {
                // A Markdown original keeps its own frontmatter, which must stay at the top.
                Matcher m = FRONTMATTER.matcher(text);
                if (m.lookingAt()) {
                    frontmatter = text.substring(0, m.end());
                    text = text.substring(m.end());
                }
            }
            body.append("###### ").append(pageHeading(parts, page.number())).append("\n\n")
                    .append(text.strip()).append("\n\n");
        }
        String text = ActiveContent.strip(links(body.toString().replace(stagedPrefix, imagePrefix), markdown, pageOf));
        if (markdown) {
            return frontmatter + text;
        }
        return Frontmatter.render(fields(doc, fileName, parts), text);
    }

    /**
     * @param stagedPrefix the provisional image link prefix the converter wrote
     * @param imagePrefix  the final one, {@code images/<doc>/}
     * @param markdown     whether the original was Markdown (which keeps its own frontmatter)
     * @param pageOf       for a Markdown note, the page a wikilink target names (another document
     *                     of the knowledge base), or null
     */
    public static String render(ConvertedDocument doc, String fileName, String stagedPrefix, String imagePrefix,
            boolean markdown, Function<String, String> pageOf) {
        String text = ActiveContent.strip(links(doc.markdown().replace(stagedPrefix, imagePrefix), markdown, pageOf));
        if (markdown) {
            return text;
        }
        return Frontmatter.render(fields(doc, fileName, false), text);
    }

    /**
     * A Markdown note's wikilinks are its author's links between notes: the ones naming a document
     * of the knowledge base lead to its page, the others stay as written. Links in converted
     * formats point into their author's world and become text.
     */
    private static String links(String text, boolean markdown, Function<String, String> pageOf) {
        return markdown ? Wikilinks.linkTo(text, pageOf) : Wikilinks.unlinkAll(text);
    }

    private static Map<String, Object> fields(ConvertedDocument doc, String fileName, boolean parts) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("type", "Source");
        fm.put("title", doc.title());
        fm.put("author", doc.author());
        fm.put("source_file", fileName);
        if (doc.pageCount() > 0) {
            fm.put(parts ? "parts" : "pages", doc.pageCount());
        }
        return fm;
    }
}
