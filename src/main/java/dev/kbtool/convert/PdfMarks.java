package dev.kbtool.convert;

import org.apache.pdfbox.text.TextPosition;

/**
 * Which letter a combining mark (an Arabic shadda, a TeX accent) was drawn on. PDFBox gives a
 * mark to the glyph before it whenever the two overlap a little, but a producer that draws
 * glyphs left to right draws a mark on a right-to-left letter, or an accent before its base,
 * ahead of the glyph it sits on: "الثّاني" came out as "الثاّني". The glyph the mark covers
 * most is its letter.
 */
final class PdfMarks {
    private PdfMarks() {
    }

    /** Whether {@code mark} sits more on {@code next} (drawn after it) than on {@code previous}. */
    static boolean belongsToNext(TextPosition previous, TextPosition mark, TextPosition next) {
        if (next.isDiacritic() || mark.getWidthDirAdj() <= 0 || !sameLine(mark, next)) {
            return false;
        }
        float onPrevious = previous != null && sameLine(mark, previous) ? overlap(previous, mark) : 0;
        return overlap(next, mark) > onPrevious;
    }

    private static boolean sameLine(TextPosition mark, TextPosition glyph) {
        return mark.getDir() == glyph.getDir()
                && Math.abs(mark.getYDirAdj() - glyph.getYDirAdj()) < Math.max(1, glyph.getHeightDir());
    }

    private static float overlap(TextPosition glyph, TextPosition mark) {
        float from = Math.max(glyph.getXDirAdj(), mark.getXDirAdj());
        float to = Math.min(PdfGlyphs.right(glyph), PdfGlyphs.right(mark));
        return Math.max(0, to - from);
    }
}
