package dev.kbtool.convert;

import dev.kbtool.text.LineJoin;
import java.util.List;

/**
 * Consecutive lines of one page region that belong together: a paragraph, a heading, a list item
 * or one image.
 *
 * @param lines the visual lines, top to bottom (runs on one baseline already merged)
 */
record PdfBlock(List<PdfLine> lines) {

    PdfBlock {
        lines = List.copyOf(lines);
    }

    PdfLine first() {
        return lines.get(0);
    }

    boolean isImage() {
        return first().isImage();
    }

    /** The font size most of the block's characters use. */
    float fontSize() {
        float best = first().fontSize();
        int bestChars = 0;
        for (PdfLine candidate : lines) {
            int chars = 0;
            for (PdfLine line : lines) {
                if (line.fontSize() == candidate.fontSize()) {
                    chars += line.text().length();
                }
            }
            if (chars > bestChars) {
                best = candidate.fontSize();
                bestChars = chars;
            }
        }
        return best;
    }

    boolean bold() {
        int bold = 0;
        int all = 0;
        for (PdfLine line : lines) {
            all += line.text().length();
            if (line.bold()) {
                bold += line.text().length();
            }
        }
        return bold * 2 > all;
    }

    int length() {
        int n = 0;
        for (PdfLine line : lines) {
            n += line.text().length() + 1;
        }
        return n;
    }

    /** Whether every line is set in a fixed-pitch font: a code listing. */
    boolean isCode() {
        for (PdfLine line : lines) {
            if (!line.mono()) {
                return false;
            }
        }
        return !isImage();
    }

    /** The lines as one string, joined with {@link TextJoin} rules (de-hyphenation, CJK). */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (PdfLine line : lines) {
            LineJoin.append(sb, line.text());
        }
        return sb.toString();
    }
}
