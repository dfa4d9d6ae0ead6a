package dev.kbtool.convert;

/**
 * One run of text on a PDF page (a line, or the part of a line on one side of a wide gap), or a
 * placed image. Coordinates are PDFBox's text-direction-adjusted ones: y grows downwards.
 *
 * @param text     the text, already in logical order (PDFBox applies the bidi algorithm)
 * @param x0       left edge
 * @param x1       right edge
 * @param top      top of the tallest glyph
 * @param baseline the lowest baseline of the run
 * @param fontSize the font size (in points) most of the characters use
 * @param bold     whether most of the characters use a bold font
 * @param mono     whether most of the characters use a fixed-pitch (code) font
 * @param image    for a placed image, the file it was written to; null for text
 * @param turn     {@link #UPRIGHT}, or text not written along the page's lines: {@link #TURNED}
 *                 by a right angle (up a margin, a rotated table head) or {@link #DIAGONAL} (a
 *                 watermark); its box is then where it sits on the page, its baseline the box's bottom
 */
record PdfLine(String text, float x0, float x1, float top, float baseline, float fontSize, boolean bold, boolean mono,
        String image, int turn) {
    static final int UPRIGHT = 0;
    static final int TURNED = 1;
    static final int DIAGONAL = 2;

    static PdfLine image(String file, float x0, float x1, float top, float bottom) {
        return new PdfLine("", x0, x1, top, bottom, 0, false, false, file, UPRIGHT);
    }

    /** Whether the line is not written along the page's lines. */
    boolean rotated() {
        return turn != UPRIGHT;
    }

    boolean isImage() {
        return image != null;
    }

    float width() {
        return x1 - x0;
    }

    float centerX() {
        return (x0 + x1) / 2;
    }
}
