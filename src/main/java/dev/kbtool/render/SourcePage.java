package dev.kbtool.render;

import dev.kbtool.convert.ConvertedDocument;
import dev.kbtool.text.ActiveContent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code wiki/sources/<doc>.md}: a document's converted text. Links in it point into its
 * author's world, not this wiki, so they become plain text; scripts and links that would run
 * code are taken out ({@link ActiveContent}). Markdown documents keep their
 * own frontmatter; converted formats get one with what the converter learnt (title, author,
 * pages), so a reader of the page sees where it came from.
 */
public final class SourcePage {
    private SourcePage() {
    }

    /**
     * @param stagedPrefix the provisional image link prefix the converter wrote
     * @param imagePrefix  the final one, {@code images/<doc>/}
     * @param markdown     whether the original was Markdown (which keeps its own frontmatter)
     */
    public static String render(ConvertedDocument doc, String fileName, String stagedPrefix, String imagePrefix,
            boolean markdown) {
        String text = ActiveContent.strip(Wikilinks.unlinkAll(doc.markdown().replace(stagedPrefix, imagePrefix)));
        if (markdown) {
            return text;
        }
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("type", "Source");
        fm.put("title", doc.title());
        fm.put("author", doc.author());
        fm.put("source_file", fileName);
        if (doc.pageCount() > 0) {
            fm.put("pages", doc.pageCount());
        }
        return Frontmatter.render(fm, text);
    }
}
