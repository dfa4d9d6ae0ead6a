package dev.kbtool.convert;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks {@code word/document.xml} once, as a stream, and writes Markdown: paragraphs with bold,
 * italic and links, headings from styles, list items from numbering, tables, and images.
 */
final class DocxBody {
    private final DocxStyles styles;
    private final Map<String, String> rels;
    private final DocxImages images;
    private final List<String> blocks = new ArrayList<>();
    private final Deque<Paragraph> paragraphs = new ArrayDeque<>();
    private final Deque<List<List<String>>> tables = new ArrayDeque<>();
    private String title;
    private String firstHeading;

    // Run and link state.
    private boolean bold;
    private boolean italic;
    private boolean inText;
    private String link;
    private int skipDepth;
    private String pendingAlt = "";

    DocxBody(DocxStyles styles, Map<String, String> rels, DocxImages images) {
        this.styles = styles;
        this.rels = rels;
        this.images = images;
    }

    /** The text of the first paragraph in the Title style, if any. */
    String title() {
        return title;
    }

    /** The text of the first level-1 heading, if any: a document's title when nothing names it. */
    String firstHeading() {
        return firstHeading;
    }

    String render(XMLStreamReader r) throws XMLStreamException, IOException {
        while (r.hasNext()) {
            int event = r.next();
            if (skipDepth > 0) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    skipDepth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    skipDepth--;
                }
                continue;
            }
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> start(r);
                case XMLStreamConstants.END_ELEMENT -> end(r.getLocalName());
                case XMLStreamConstants.CHARACTERS -> {
                    if (inText && !paragraphs.isEmpty()) {
                        paragraphs.peek().add(r.getText(), bold, italic, link);
                    }
                }
                default -> {
                }
            }
        }
        return String.join("\n\n", mergeLists(blocks)) + (blocks.isEmpty() ? "" : "\n");
    }

    private void start(XMLStreamReader r) throws IOException {
        String name = r.getLocalName();
        Paragraph p = paragraphs.peek();
        switch (name) {
            // Alternative renderings repeat the same content; deleted text is not the document's.
            case "Fallback", "del", "delText", "instrText", "footnoteReference", "endnoteReference" -> skipDepth = 1;
            case "p" -> paragraphs.push(new Paragraph());
            case "pStyle" -> {
                if (p != null) {
                    p.style = DocxStyles.attr(r, "val");
                }
            }
            case "numId" -> {
                if (p != null) {
                    p.numId = DocxStyles.attr(r, "val");
                }
            }
            case "ilvl" -> {
                if (p != null) {
                    p.level = DocxStyles.parse(DocxStyles.attr(r, "val"), 0);
                }
            }
            case "outlineLvl" -> {
                if (p != null) {
                    p.outline = DocxStyles.parse(DocxStyles.attr(r, "val"), 9);
                }
            }
            case "r" -> {
                bold = false;
                italic = false;
            }
            case "b" -> bold = on(r);
            case "i" -> italic = on(r);
            case "t" -> inText = true;
            case "tab" -> {
                if (p != null && !p.inProperties()) {
                    p.add(" ", bold, italic, link);
                }
            }
            case "br", "cr" -> {
                if (p != null && !"page".equals(DocxStyles.attr(r, "type"))) {
                    p.add("\n", false, false, null);
                }
            }
            case "hyperlink" -> {
                String id = DocxStyles.attr(r, "id");
                String anchor = DocxStyles.attr(r, "anchor");
                link = id != null ? rels.get(id) : anchor != null ? "#" + anchor : null;
            }
            case "docPr" -> pendingAlt = orEmpty(DocxStyles.attr(r, "descr"));
            case "blip", "imagedata" -> {
                String id = DocxStyles.attr(r, name.equals("blip") ? "embed" : "id");
                String file = images == null || id == null ? null : images.copy(rels.get(id));
                if (file != null && p != null) {
                    p.addRaw("![" + MarkdownEscape.text(pendingAlt) + "](" + images.link(file) + ")");
                }
                pendingAlt = "";
            }
            case "tbl" -> tables.push(new ArrayList<>());
            case "tr" -> {
                if (tables.size() == 1) {
                    tables.peek().add(new ArrayList<>());
                }
            }
            case "tc" -> {
                if (tables.size() == 1 && !tables.peek().isEmpty()) {
                    List<List<String>> rows = tables.peek();
                    rows.get(rows.size() - 1).add("");
                }
            }
            case "pPr" -> {
                if (p != null) {
                    p.propertiesDepth++;
                }
            }
            default -> {
            }
        }
    }

    private void end(String name) {
        switch (name) {
            case "t" -> inText = false;
            case "hyperlink" -> link = null;
            case "pPr" -> {
                if (!paragraphs.isEmpty()) {
                    paragraphs.peek().propertiesDepth--;
                }
            }
            case "p" -> finishParagraph(paragraphs.pop());
            case "tbl" -> {
                List<List<String>> rows = tables.pop();
                if (tables.isEmpty()) {
                    String table = MarkdownTable.render(rows);
                    if (!table.isEmpty()) {
                        blocks.add(table);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void finishParagraph(Paragraph p) {
        String text = p.markdown();
        if (text.isBlank()) {
            return;
        }
        if (!tables.isEmpty()) {
            // Inside a table (nested tables included) paragraphs become the text of the outer cell.
            List<List<String>> rows = tables.peekLast();
            if (!rows.isEmpty() && !rows.get(rows.size() - 1).isEmpty()) {
                List<String> row = rows.get(rows.size() - 1);
                String cell = row.get(row.size() - 1);
                row.set(row.size() - 1, cell.isEmpty() ? text.strip() : cell + " " + text.strip());
            }
            return;
        }
        int level = p.outline < 9 ? Math.min(6, p.outline + 1) : styles.headingLevel(p.style);
        if (title == null && styles.isTitle(p.style)) {
            title = p.plainText().strip();
        } else if (firstHeading == null && level == 1 && !p.plainText().isBlank()) {
            firstHeading = p.plainText().strip();
        }
        String numId = p.numId != null ? p.numId : styles.styleNumId(p.style);
        if (level > 0) {
            blocks.add("#".repeat(level) + " " + text.replace("\n", " ").strip());
        } else if (numId != null && !numId.equals("0")) {
            String marker = styles.isOrdered(numId, p.level) ? "1. " : "- ";
            blocks.add(LIST_PREFIX + "    ".repeat(Math.max(0, Math.min(8, p.level))) + marker
                    + text.replace("\n", " ").strip());
        } else {
            blocks.add(text.strip());
        }
    }

    /** List items are marked while collected so consecutive ones can be joined into one list. */
    private static final String LIST_PREFIX = "\u0000list:";

    private static List<String> mergeLists(List<String> blocks) {
        List<String> merged = new ArrayList<>();
        StringBuilder list = null;
        for (String block : blocks) {
            if (block.startsWith(LIST_PREFIX)) {
                String item = block.substring(LIST_PREFIX.length());
                if (list == null) {
                    list = new StringBuilder(item);
                } else {
                    list.append('\n').append(item);
                }
            } else {
                if (list != null) {
                    merged.add(list.toString());
                    list = null;
                }
                merged.add(block);
            }
        }
        if (list != null) {
            merged.add(list.toString());
        }
        return merged;
    }

    private static boolean on(XMLStreamReader r) {
        String v = DocxStyles.attr(r, "val");
        return v == null || !(v.equals("0") || v.equalsIgnoreCase("false") || v.equalsIgnoreCase("off") || v.equals("none"));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** One paragraph being collected: its properties and its runs, merged by formatting. */
    private static final class Paragraph {
        String style;
        String numId;
        int level;
        int outline = 9;
        int propertiesDepth;
        private final List<Segment> segments = new ArrayList<>();

        boolean inProperties() {
            return propertiesDepth > 0;
        }

        void add(String text, boolean bold, boolean italic, String link) {
            Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last != null && !last.raw && last.bold == bold && last.italic == italic
                    && java.util.Objects.equals(last.link, link)) {
                last.text.append(text);
            } else {
                segments.add(new Segment(text, bold, italic, link, false));
            }
        }

        void addRaw(String markdown) {
            segments.add(new Segment(markdown, false, false, null, true));
        }

        String plainText() {
            StringBuilder sb = new StringBuilder();
            for (Segment s : segments) {
                if (!s.raw) {
                    sb.append(s.text);
                }
            }
            return sb.toString();
        }

        String markdown() {
            StringBuilder sb = new StringBuilder();
            for (Segment s : segments) {
                sb.append(s.markdown());
            }
            return sb.toString().replace("\n", "\\\n");
        }
    }

    private static final class Segment {
        final StringBuilder text;
        final boolean bold;
        final boolean italic;
        final String link;
        final boolean raw;

        Segment(String text, boolean bold, boolean italic, String link, boolean raw) {
            this.text = new StringBuilder(text);
            this.bold = bold;
            this.italic = italic;
            this.link = link;
            this.raw = raw;
        }

        String markdown() {
            if (raw) {
                return text.toString();
            }
            String t = text.toString();
            String core = t.strip();
            if (core.isEmpty()) {
                return t;
            }
            String lead = t.substring(0, t.indexOf(core));
            String trail = t.substring(t.indexOf(core) + core.length());
            String s = MarkdownEscape.text(core);
            if (italic) {
                s = "*" + s + "*";
            }
            if (bold) {
                s = "**" + s + "**";
            }
            if (link != null) {
                s = "[" + s + "](" + MarkdownEscape.destination(link) + ")";
            }
            return lead + s + trail;
        }
    }
}
