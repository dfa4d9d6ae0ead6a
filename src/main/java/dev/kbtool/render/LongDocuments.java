package dev.kbtool.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.catalog.TreeNode;
import dev.kbtool.convert.ConvertedDocument;
import dev.kbtool.convert.ConvertedPage;
import dev.kbtool.convert.PageTree;
import dev.kbtool.convert.PageTreeBuilder;
import dev.kbtool.text.MarkdownText;
import dev.kbtool.text.ShortText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Documents long enough to be read by part: their source is stored per page
 * ({@code sources/<doc>.json}) and a page tree — from the outline, else detected headings,
 * else fixed page windows — gives each part a title, its page range and a short extractive
 * summary (the opening sentences of its own text, from its heading to the next part's).
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
        List<PageTree> nodes = new ArrayList<>();
        for (PageTree child : root.children()) {
            flatten(child, nodes);
        }
        List<TreeNode> out = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            PageTree node = nodes.get(i);
            PageTree next = i + 1 < nodes.size() ? nodes.get(i + 1) : null;
            int ownEnd = node.children().isEmpty() ? node.endPage()
                    : Math.max(node.startPage(), node.children().get(0).startPage());
            // A part's own text runs from its heading to the next part's: parts that start on
            // one page would otherwise all be summed up by that page's first sentences.
            String until = next != null && next.startPage() <= ownEnd ? next.title() : null;
            out.add(new TreeNode(i, node.level(), node.title(), node.startPage(), node.endPage(),
                    summarize(doc.pages(), node.startPage(), ownEnd, node.title(), until)));
        }
        return out;
    }

    private static void flatten(PageTree node, List<PageTree> out) {
        out.add(node);
        for (PageTree child : node.children()) {
            flatten(child, out);
        }
    }

    /**
     * The opening sentences of running text on pages {@code from..to}: on page {@code from} after
     * the line headed {@code title}, and on page {@code to} before the line headed {@code until}
     * (null: to the end), where those lines are found.
     */
    private static String summarize(List<ConvertedPage> pages, int from, int to, String title, String until) {
        StringBuilder text = new StringBuilder();
        for (ConvertedPage p : pages) {
            if (p.number() >= from && p.number() <= to && text.length() < SUMMARY_SCAN_CHARS) {
                String md = p.markdown();
                int start = 0;
                if (p.number() == from) {
                    int heading = headingLine(md, title, 0);
                    start = heading < 0 ? 0 : lineEnd(md, heading);
                }
                int end = md.length();
                if (p.number() == to && until != null) {
                    int heading = headingLine(md, until, start);
                    end = heading < 0 ? end : heading;
                }
                text.append(md, start, Math.max(start, end)).append("\n\n");
            }
        }
        List<String> sentences = new ArrayList<>();
        for (String paragraph : MarkdownText.paragraphs(text.toString())) {
            for (String s : ShortText.sentences(paragraph)) {
                if (s.length() >= 20 && sentences.size() < SUMMARY_SENTENCES && !ShortText.hasDotLeaders(s)) {
                    sentences.add(s);
                }
            }
        }
        String summary = String.join(" ", sentences);
        return summary.length() > 400 ? ShortText.describe(summary) : summary;
    }

    /**
     * Where the line showing {@code title} starts, at or after {@code from}: a Markdown heading
     * first, else any line holding it; -1 when the page does not print it (outline titles need
     * not be on the page).
     */
    private static int headingLine(String markdown, String title, int from) {
        String wanted = title.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return -1;
        }
        int plain = -1;
        int lineStart = from;
        while (lineStart < markdown.length()) {
            int end = lineEnd(markdown, lineStart);
            String line = markdown.substring(lineStart, end).toLowerCase(Locale.ROOT);
            if (line.contains(wanted)) {
                if (line.startsWith("#")) {
                    return lineStart;
                }
                if (plain < 0) {
                    plain = lineStart;
                }
            }
            lineStart = end;
        }
        return plain;
    }

    /** The index just past the line that starts at {@code start}, its line break included. */
    private static int lineEnd(String text, int start) {
        int nl = text.indexOf('\n', start);
        return nl < 0 ? text.length() : nl + 1;
    }

    /**
     * The per-page source: {@code [{"page": n, "content": markdown, "images": [...]}]} with
     * image links pointing at the document's image folder.
     */
    public static String sourceJson(List<ConvertedPage> pages, String stagedPrefix, String imagePrefix) {
        ArrayNode array = JSON.createArrayNode();
        for (ConvertedPage p : pages) {
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
