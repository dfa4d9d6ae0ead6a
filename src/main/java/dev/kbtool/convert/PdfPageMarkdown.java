package dev.kbtool.convert;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders the blocks of one PDF page as Markdown: headings, list items (nested by indent), images, paragraphs. */
final class PdfPageMarkdown {
    private static final Pattern ITEM = Pattern.compile("^(\\S+)\\s+");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}[.)]");

    private PdfPageMarkdown() {
    }

    static String render(List<PdfBlock> blocks, PdfHeadings headings, String imageLinkPrefix) {
        StringBuilder md = new StringBuilder();
        Deque<Float> listIndents = new ArrayDeque<>();
        boolean previousWasItem = false;
        for (PdfBlock block : blocks) {
            String part;
            boolean item = false;
            if (block.isImage()) {
                part = "![](" + (imageLinkPrefix == null ? "" : imageLinkPrefix) + block.first().image() + ")";
            } else {
                int level = headings.level(block);
                String text = block.text();
                if (block.isCode() && level == 0) {
                    part = codeBlock(block);
                } else if (level > 0) {
                    part = "#".repeat(level) + " " + MarkdownEscape.text(text);
                } else if (PdfBlocks.isListItem(text)) {
                    item = true;
                    part = listItem(text, nesting(listIndents, block.first().x0(), block.first().fontSize()));
                } else {
                    part = MarkdownEscape.text(text);
                }
            }
            if (!item) {
                listIndents.clear();
            }
            if (md.length() > 0) {
                md.append(item && previousWasItem ? "\n" : "\n\n");
            }
            md.append(part);
            previousWasItem = item;
        }
        return md.toString();
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
