package dev.kbtool.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.convert.ConvertedDocument;
import dev.kbtool.convert.PageTree;
import dev.kbtool.convert.PageTreeBuilder;
import dev.kbtool.convert.SourcePage;
import dev.kbtool.kb.TreeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Documents long enough to be read by part: their source is stored per page
 * ({@code sources/<doc>.json}) and a page tree — from the outline, else detected headings,
 * else fixed page windows — gives each part a title, its page range and a short extractive
 * summary (its opening sentences).
 */
public final class LongDocuments {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final int SUMMARY_SENTENCES = 2;
    private static final int SUMMARY_SCAN_CHARS = 4000;

    private LongDocuments() {
    }

    /** The page tree flattened in document order, with a summary per node. */
    public static List<TreeNode> tree(ConvertedDocument doc) {
        PageTree root = PageTreeBuilder.build(doc);
        List<TreeNode> out = new ArrayList<>();
        for (PageTree child : root.children()) {
            flatten(child, doc.pages(), out);
        }
        return out;
    }

    private static void flatten(PageTree node, List<SourcePage> pages, List<TreeNode> out) {
        int ownEnd = node.children().isEmpty() ? node.endPage()
                : Math.max(node.startPage(), node.children().get(0).startPage());
        out.add(new TreeNode(out.size(), node.level(), node.title(), node.startPage(), node.endPage(),
                summarize(pages, node.startPage(), ownEnd)));
        for (PageTree child : node.children()) {
            flatten(child, pages, out);
        }
    }

    /** The opening sentences of running text on pages {@code from..to}. */
    static String summarize(List<SourcePage> pages, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (SourcePage p : pages) {
            if (p.number() >= from && p.number() <= to && text.length() < SUMMARY_SCAN_CHARS) {
                text.append(p.markdown()).append("\n\n");
            }
        }
        List<String> sentences = new ArrayList<>();
        for (String paragraph : MarkdownText.paragraphs(text.toString())) {
            for (String s : ShortText.sentences(paragraph)) {
                if (s.length() >= 20 && sentences.size() < SUMMARY_SENTENCES) {
                    sentences.add(s);
                }
            }
        }
        String summary = String.join(" ", sentences);
        return summary.length() > 400 ? ShortText.describe(summary) : summary;
    }

    /**
     * The per-page source: {@code [{"page": n, "content": markdown, "images": [...]}]} with
     * image links pointing at the document's image folder.
     */
    public static String sourceJson(List<SourcePage> pages, String stagedPrefix, String imagePrefix) {
        ArrayNode array = JSON.createArrayNode();
        for (SourcePage p : pages) {
            String content = Wikilinks.unlinkAll(p.markdown().replace(stagedPrefix, imagePrefix));
            ObjectNode node = array.addObject().put("page", p.number()).put("content", content);
            ArrayNode images = node.putArray("images");
            Matcher m = IMAGE.matcher(content);
            while (m.find()) {
                if (m.group(1).startsWith(imagePrefix)) {
                    images.add("sources/" + m.group(1));
                }
            }
        }
        try {
            return JSON.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
