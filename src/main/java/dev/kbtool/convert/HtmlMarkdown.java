package dev.kbtool.convert;

import dev.kbtool.text.ActiveContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Renders an HTML element tree as Markdown: headings, paragraphs, nested lists, tables, code, quotes, links, images. */
final class HtmlMarkdown {
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre", "blockquote", "table", "hr", "dl", "dt", "dd",
            "figure", "figcaption", "address", "details", "summary", "center", "li", "form", "fieldset", "body");
    private static final Pattern LANGUAGE = Pattern.compile("(?:^|\\s)(?:language|lang)-([\\w+#.-]+)");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\n\\r\\f\\u00A0]+");

    private final List<String> blocks = new ArrayList<>();

    private HtmlMarkdown() {
    }

    static String render(Element root) {
        HtmlMarkdown md = new HtmlMarkdown();
        md.blockChildren(root);
        return String.join("\n\n", md.blocks) + (md.blocks.isEmpty() ? "" : "\n");
    }

    private void blockChildren(Element parent) {
        StringBuilder inline = new StringBuilder();
        for (Node child : parent.childNodes()) {
            if (child instanceof Element e && BLOCKS.contains(e.normalName())) {
                flushParagraph(inline);
                block(e);
            } else {
                inline.append(inline(child));
            }
        }
        flushParagraph(inline);
    }

    private void flushParagraph(StringBuilder inline) {
        String text = tidy(inline.toString());
        if (!text.isEmpty()) {
            blocks.add(text);
        }
        inline.setLength(0);
    }

    private void block(Element e) {
        String tag = e.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String text = tidy(inlineChildren(e)).replace("\\\n", " ");
                if (!text.isEmpty()) {
                    blocks.add("#".repeat(tag.charAt(1) - '0') + " " + text);
                }
            }
            case "ul", "ol" -> {
                List<String> lines = new ArrayList<>();
                list(e, 0, lines);
                if (!lines.isEmpty()) {
                    blocks.add(String.join("\n", lines));
                }
            }
            case "pre" -> blocks.add(codeBlock(e));
            case "blockquote" -> {
                String inner = render(e).strip();
                if (!inner.isEmpty()) {
                    blocks.add(inner.lines().map(l -> l.isEmpty() ? ">" : "> " + l)
                            .reduce((a, b) -> a + "\n" + b).orElse(""));
                }
            }
            case "table" -> table(e);
            case "hr" -> blocks.add("---");
            case "dt" -> {
                String text = tidy(inlineChildren(e));
                if (!text.isEmpty()) {
                    blocks.add("**" + text + "**");
                }
            }
            default -> blockChildren(e);
        }
    }

    private void list(Element listElement, int depth, List<String> lines) {
        boolean ordered = listElement.normalName().equals("ol");
        int number = 1;
        if (ordered && listElement.hasAttr("start")) {
            try {
                number = Integer.parseInt(listElement.attr("start").strip());
            } catch (NumberFormatException e) {
                number = 1;
            }
        }
        String indent = "    ".repeat(depth);
        for (Element item : listElement.children()) {
            if (item.normalName().equals("ul") || item.normalName().equals("ol")) {
                list(item, depth + 1, lines);
                continue;
            }
            if (!item.normalName().equals("li")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            List<Element> nested = new ArrayList<>();
            for (Node child : item.childNodes()) {
                if (child instanceof Element c && (c.normalName().equals("ul") || c.normalName().equals("ol"))) {
                    nested.add(c);
                } else {
                    text.append(inline(child)).append(child instanceof Element c && BLOCKS.contains(c.normalName()) ? " " : "");
                }
            }
            String marker = ordered ? number++ + ". " : "- ";
            lines.add(indent + marker + tidy(text.toString()).replace("\n", " "));
            for (Element n : nested) {
                list(n, depth + 1, lines);
            }
        }
    }

    private static String codeBlock(Element pre) {
        Element code = pre.selectFirst("code");
        String classes = pre.className() + " " + (code == null ? "" : code.className());
        Matcher m = LANGUAGE.matcher(classes);
        String language = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
        String text = pre.wholeText().replace("\r\n", "\n");
        if (text.startsWith("\n")) {
            text = text.substring(1);
        }
        text = text.stripTrailing();
        String fence = text.contains("```") ? "~~~~" : "```";
        return fence + language + "\n" + text + "\n" + fence;
    }

    /** A Markdown table, unless the table is used for layout (cells holding blocks): then its cells are rendered as blocks. */
    private void table(Element table) {
        List<Element> rows = table.select(":root > tr, :root > thead > tr, :root > tbody > tr, :root > tfoot > tr");
        if (!table.select("td p, td div, td table, td ul, td ol, td pre, td h1, td h2, td h3").isEmpty() || rows.isEmpty()) {
            blockChildren(table);
            return;
        }
        List<List<String>> cells = new ArrayList<>();
        for (Element row : rows) {
            List<String> texts = new ArrayList<>();
            for (Element cell : row.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                    texts.add(tidy(inlineChildren(cell)));
                }
            }
            cells.add(texts);
        }
        String rendered = MarkdownTable.render(cells);
        if (!rendered.isEmpty()) {
            blocks.add(rendered);
        }
    }

    private String inlineChildren(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node child : e.childNodes()) {
            sb.append(inline(child));
        }
        return sb.toString();
    }

    private String inline(Node node) {
        if (node instanceof TextNode t) {
            return MarkdownEscape.text(SPACES.matcher(t.getWholeText()).replaceAll(" "));
        }
        if (!(node instanceof Element e)) {
            return "";
        }
        String tag = e.normalName();
        return switch (tag) {
            case "br" -> "\\\n";
            case "strong", "b" -> wrap(inlineChildren(e), "**");
            case "em", "i", "cite", "dfn" -> wrap(inlineChildren(e), "*");
            case "code", "kbd", "samp", "tt" -> code(e.text());
            case "a" -> link(e);
            case "img" -> image(e);
            default -> BLOCKS.contains(tag) ? " " + inlineChildren(e) + " " : inlineChildren(e);
        };
    }

    /** Emphasis markers hug the text: surrounding spaces go outside them. */
    private static String wrap(String inner, String marker) {
        String core = inner.strip();
        if (core.isEmpty()) {
            return inner;
        }
        String lead = inner.startsWith(" ") ? " " : "";
        String trail = inner.endsWith(" ") ? " " : "";
        return lead + marker + core + marker + trail;
    }

    private static String code(String text) {
        String t = SPACES.matcher(text).replaceAll(" ");
        if (t.isBlank()) {
            return t;
        }
        String ticks = t.contains("`") ? "``" : "`";
        String pad = t.startsWith("`") || t.endsWith("`") ? " " : "";
        return ticks + pad + t + pad + ticks;
    }

    /**
     * A link, the spaces at the edges of its text moved outside it. An anchor without a target
     * is its text as it is: {@code <a id="x"/>}, which HTML does not close, holds all the text
     * up to the next link, spaces included.
     */
    private String link(Element a) {
        String inner = inlineChildren(a);
        String href = a.attr("href").strip();
        if (href.isEmpty() || ActiveContent.dangerous(href)) {
            return inner;
        }
        String text = inner.strip();
        if (text.isEmpty()) {
            text = MarkdownEscape.text(href);
        }
        String lead = inner.startsWith(" ") ? " " : "";
        String trail = inner.endsWith(" ") ? " " : "";
        return lead + "[" + text + "](" + MarkdownEscape.destination(href) + ")" + trail;
    }

    private static String image(Element img) {
        String src = img.attr("src").strip();
        if (src.isEmpty() || ActiveContent.dangerous(src)) {
            return "";
        }
        return "![" + MarkdownEscape.text(img.attr("alt").strip()) + "](" + MarkdownEscape.destination(src) + ")";
    }

    /** Collapses runs of spaces and trims each line; a hard break keeps its line end. */
    private static String tidy(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            String t = line.replaceAll(" {2,}", " ").strip();
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(t);
        }
        return sb.toString().strip();
    }
}
