package dev.kbtool.convert;

import dev.kbtool.text.LineJoin;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the blocks of one PDF page as Markdown: headings, list items (nested by indent), images,
 * code, tables and paragraphs; then the page's footnotes, as quotes, and its furniture (running heads,
 * page numbers, margin text) in a comment, kept but out of the running text.
 */
final class PdfPageMarkdown {
    private static final Pattern ITEM = Pattern.compile("^(\\S+)\\s+");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}[.)]");
    /** From this many unreadable characters on, a page says so where the reader sees it. */
    private static final int NOTE_UNREADABLE = 5;
    private static final Pattern NOTE_MARK = Pattern.compile("^([0-9]{1,3})(?=\\s?\\p{L})");
    private static final String SUPERSCRIPTS = "\u2070\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079";

    private PdfPageMarkdown() {
    }

    enum Kind { IMAGE, CODE, TABLE, HEADING, ITEM, PARAGRAPH }

    /**
     * One block as it is rendered.
     *
     * @param level   the heading level, for headings
     * @param nesting how deep a list item is nested
     */
    record Part(Kind kind, PdfBlock block, int level, int nesting) {
        /** This part with {@code next}'s lines after its own: a paragraph carried over a page break. */
        Part followedBy(Part next) {
            return new Part(kind, block.followedBy(next.block()), level, nesting);
        }

        boolean runsOn() {
            return kind == Kind.PARAGRAPH || kind == Kind.ITEM;
        }
    }

    /** What each block of a page is, in order. */
    static List<Part> parts(List<PdfBlock> blocks, PdfHeadings headings) {
        List<Part> parts = new ArrayList<>(blocks.size());
        Deque<Float> listIndents = new ArrayDeque<>();
        for (PdfBlock block : blocks) {
            Part part;
            if (block.isImage()) {
                part = new Part(Kind.IMAGE, block, 0, 0);
            } else {
                int level = headings.level(block);
                if (block.isTable()) {
                    part = new Part(Kind.TABLE, block, 0, 0);
                } else if (block.isCode() && level == 0) {
                    part = new Part(Kind.CODE, block, 0, 0);
                } else if (level > 0) {
                    part = new Part(Kind.HEADING, block, level, 0);
                } else if (PdfBlocks.isListItem(block.first().text())) {
                    part = new Part(Kind.ITEM, block, 0,
                            nesting(listIndents, block.first().x0(), block.first().fontSize()));
                } else {
                    part = new Part(Kind.PARAGRAPH, block, 0, 0);
                }
            }
            if (part.kind() != Kind.ITEM) {
                listIndents.clear();
            }
            parts.add(part);
        }
        return parts;
    }

    /** The parts as Markdown: blank lines between blocks, one line break between list items. */
    static void append(StringBuilder md, Part part, Part previous, LineJoin.Hyphens hyphens, String imageLinkPrefix) {
        if (md.length() > 0) {
            md.append(part.kind() == Kind.ITEM && previous != null && previous.kind() == Kind.ITEM ? "\n" : "\n\n");
        }
        md.append(markdown(part, hyphens, imageLinkPrefix));
    }

    static String markdown(Part part, LineJoin.Hyphens hyphens, String imageLinkPrefix) {
        PdfBlock block = part.block();
        return switch (part.kind()) {
            case IMAGE -> "![](" + (imageLinkPrefix == null ? "" : imageLinkPrefix) + block.first().image() + ")";
            case CODE -> codeBlock(block);
            case TABLE -> table(block, hyphens);
            case HEADING -> "#".repeat(part.level()) + " " + MarkdownEscape.text(block.text(hyphens));
            case ITEM -> listItem(block.text(hyphens), part.nesting());
            case PARAGRAPH -> MarkdownEscape.text(block.text(hyphens));
        };
    }

    /**
     * The page's footnotes, each a quote starting with its mark, a note when some of its text
     * could not be read, and its furniture in one comment; empty when it has none of these.
     */
    static String notes(List<PdfBlock> footnotes, List<PdfLine> furniture, int unreadable, LineJoin.Hyphens hyphens) {
        StringBuilder md = new StringBuilder();
        if (unreadable >= NOTE_UNREADABLE) {
            md.append("> **Note:** ").append(unreadable)
                    .append(" characters on this page could not be read (a font without a Unicode map) and show as \uFFFD.");
        }
        for (PdfBlock note : footnotes) {
            md.append(md.length() == 0 ? "" : "\n\n").append("> ").append(MarkdownEscape.text(marked(note.text(hyphens))));
        }
        if (unreadable > 0 && unreadable < NOTE_UNREADABLE) {
            // A stray symbol or two: said where it does not stand between the reader and the text.
            md.append(md.length() == 0 ? "" : "\n\n").append("<!-- unreadable characters: ").append(unreadable)
                    .append(" -->");
        }
        if (!furniture.isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (PdfLine line : furniture) {
                text.append(text.length() == 0 ? "" : " · ").append(line.text());
            }
            // "--" may not appear inside an HTML comment.
            md.append(md.length() == 0 ? "" : "\n\n").append("<!-- page furniture: ")
                    .append(text.toString().replace("--", "- -")).append(" -->");
        }
        return md.toString();
    }

    /** A Markdown table; its rows as lines of text where the cells do not line up in columns. */
    private static String table(PdfBlock block, LineJoin.Hyphens hyphens) {
        String table = PdfTables.markdown(block.cells(), hyphens);
        return table != null ? table : MarkdownEscape.text(block.text(hyphens));
    }

    /** A footnote with its number as a superscript ("¹For example"), as it is printed; other marks as they are. */
    private static String marked(String note) {
        Matcher m = NOTE_MARK.matcher(note);
        if (!m.find()) {
            return note;
        }
        StringBuilder sb = new StringBuilder(note.length());
        for (char c : m.group(1).toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? SUPERSCRIPTS.charAt(c - '0') : c);
        }
        return sb.append(note, m.end(1), note.length()).toString();
    }

    /** A fenced block; each line indented by its offset from the block's left edge, in character widths. */
    private static String codeBlock(PdfBlock block) {
        float left = Float.MAX_VALUE;
        for (PdfLine line : block.lines()) {
            left = Math.min(left, line.x0());
        }
        StringBuilder body = new StringBuilder();
        for (PdfLine line : block.lines()) {
            float charWidth = Math.max(1, line.width() / Math.max(1, line.text().length()));
            int indent = Math.min(40, Math.round((line.x0() - left) / charWidth));
            body.append(" ".repeat(indent)).append(line.text()).append('\n');
        }
        String fence = body.indexOf("```") >= 0 ? "~~~~" : "```";
        return fence + "\n" + body + fence;
    }

    private static String listItem(String text, int nesting) {
        Matcher m = ITEM.matcher(text);
        m.find();
        String marker = m.group(1);
        String rest = MarkdownEscape.text(text.substring(m.end()));
        String indent = "    ".repeat(nesting);
        if (NUMBER.matcher(marker).matches()) {
            return indent + marker.substring(0, marker.length() - 1) + ". " + rest;
        }
        if (Character.isLetterOrDigit(marker.charAt(marker.length() - 1)) || marker.endsWith(")")) {
            return indent + "- " + MarkdownEscape.text(marker) + " " + rest;
        }
        return indent + "- " + rest;
    }

    /** How deep a list item is, from its indent relative to the items before it. */
    private static int nesting(Deque<Float> indents, float x0, float em) {
        float tolerance = Math.max(2, em / 2);
        while (!indents.isEmpty() && x0 < indents.peek() - tolerance) {
            indents.pop();
        }
        if (indents.isEmpty() || x0 > indents.peek() + tolerance) {
            indents.push(x0);
        }
        return indents.size() - 1;
    }
}
