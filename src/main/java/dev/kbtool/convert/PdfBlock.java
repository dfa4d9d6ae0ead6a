package dev.kbtool.convert;

import dev.kbtool.text.LineJoin;
import java.util.List;

/**
 * Consecutive lines of one page region that belong together: a paragraph, a heading, a list item
 * or one image.
 *
 * @param lines  the visual lines, top to bottom (runs on one baseline already merged)
 * @param region which region of its page the block is in (a column, a band), in reading order
 * @param left   the left edge of the region's text
 * @param right  the right edge of the region's text
 * @param cells  for a table, each row's cells left to right (the runs a row was merged from); empty otherwise
 */
record PdfBlock(List<PdfLine> lines, int region, float left, float right, List<List<PdfLine>> cells) {
    /** A first line starting further right than this many font sizes is indented. */
    private static final float INDENT_EM = 0.8f;
    /** A last line ending closer to the region's right edge than this many font sizes runs on. */
    private static final float OPEN_END_EM = 3f;

    PdfBlock {
        lines = List.copyOf(lines);
        cells = List.copyOf(cells);
    }

    PdfBlock(List<PdfLine> lines, int region, float left, float right) {
        this(lines, region, left, right, List.of());
    }

    /** Whether the block is a table: rows of cells set apart by wide gaps. */
    boolean isTable() {
        return !cells.isEmpty();
    }

    /** A block standing on its own, its region its own lines' extent. */
    static PdfBlock of(List<PdfLine> lines) {
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (PdfLine line : lines) {
            left = Math.min(left, line.x0());
            right = Math.max(right, line.x1());
        }
        return new PdfBlock(lines, 0, left, right);
    }

    /** This block with {@code next}'s lines after its own: one paragraph over a column or page break. */
    PdfBlock followedBy(PdfBlock next) {
        List<PdfLine> both = new java.util.ArrayList<>(lines);
        both.addAll(next.lines);
        return new PdfBlock(both, region, left, right, List.of());
    }

    PdfLine last() {
        return lines.get(lines.size() - 1);
    }

    /**
     * Whether the first line starts further in than the region's edge (the right edge in
     * right-to-left text): a new paragraph in indented text.
     */
    boolean indented() {
        PdfLine first = first();
        float indent = RtlText.mostlyRtl(first.text()) ? right - first.x1() : first.x0() - left;
        return indent > INDENT_EM * Math.max(1, first.fontSize());
    }

    /** Whether the last line reaches (nearly) to the region's far edge, as a line does that the text runs on from. */
    boolean openEnd() {
        PdfLine last = last();
        float shortBy = RtlText.mostlyRtl(last.text()) ? last.x0() - left : right - last.x1();
        return shortBy < OPEN_END_EM * Math.max(1, last.fontSize());
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

    /** The lines as one string, joined with {@link LineJoin} rules (CJK, line-end hyphens as {@code hyphens} decide). */
    String text(LineJoin.Hyphens hyphens) {
        StringBuilder sb = new StringBuilder();
        for (PdfLine line : lines) {
            LineJoin.append(sb, line.text(), hyphens);
        }
        return sb.toString();
    }

    /** The lines as one string, line-end hyphens dropped before a lower-case letter. */
    String text() {
        return text(LineJoin.WORD_BREAKS);
    }
}
