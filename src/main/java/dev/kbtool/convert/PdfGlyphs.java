package dev.kbtool.convert;

import org.apache.pdfbox.text.TextPosition;

/** Facts about one of PDFBox's glyphs that the PDF passes share, in its reading direction. */
final class PdfGlyphs {
    private PdfGlyphs() {
    }

    /** A glyph that draws something: not a space. */
    static boolean isInk(TextPosition p) {
        String u = p.getUnicode();
        return u != null && !u.isBlank();
    }

    /** The glyph's font size, the unit its gaps are judged in; its height where the size is unknown. */
    static float em(TextPosition p) {
        float size = p.getFontSizeInPt();
        return size > 0 ? size : Math.max(1, p.getHeightDir());
    }

    /** Where the glyph's box ends. */
    static float right(TextPosition p) {
        return p.getXDirAdj() + p.getWidthDirAdj();
    }
}
