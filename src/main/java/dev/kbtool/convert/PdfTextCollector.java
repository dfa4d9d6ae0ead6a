package dev.kbtool.convert;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Runs PDFBox's text extraction once over a document and keeps, per page, the text runs with
 * their positions, sizes and weights (and where images were drawn), instead of plain text.
 * PDFBox does the hard parts (glyph to Unicode, word spacing, bidi, duplicate overprint);
 * {@link PdfWordSpacing} and {@link PdfLetterSpacing} correct its word breaks where its gap
 * heuristic fails (Persian non-joiners, kerned Arabic, tight Hangul, letter-spaced text). The
 * layout decisions are made afterwards by {@link PdfColumns} and {@link PdfBlocks}. Text drawn
 * over other text is split off first ({@link PdfOverprint}), or PDFBox would interleave the two.
 * One instance per conversion: PDFBox's stripper keeps state.
 * Longer than 400 lines because the run being built (its glyphs, direction, page box, sizes)
 * is state shared by PDFBox's callbacks; the direction bookkeeping (upright, diagonal, page box)
 * is the part to move out next.
 */
final class PdfTextCollector extends PDFTextStripper {
    /** A gap wider than this many font sizes between two words splits a line into two runs (columns, table cells). */
    private static final float GAP_EM = 1.0f;
    /** Text whose baseline slopes by more than this (as a tangent) against both axes is diagonal. */
    private static final float DIAGONAL_SLOPE = 0.1f;
    /** The direction given to diagonal runs: never a page's main direction. */
    private static final int DIAGONAL = -1;
    private static final Pattern MONO_NAME = Pattern.compile(
            "cmtt|cmitt|cmsltt|sftt|ectt|txtt|lmmono|beramono|courier|mono|typewriter|consolas|inconsolata|menlo");
    private static final Pattern BOLD_NAME = Pattern.compile(
            "bold|black|heavy|demi|-medi|cmbx|cmb\\d|sfbx|ecbx");

    private final PdfImageSaver images;
    private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();
    private final Map<PDFont, Boolean> monoFonts = new IdentityHashMap<>();
    private final List<List<PdfLine>> pages;
    /** Each page's width and height as shown (turned when the page is rotated). */
    private final List<float[]> sizes;
    private List<PdfLine> current = new ArrayList<>();
    private PDRectangle cropBox;
    /** The media box as {left, top, right, bottom} in text coordinates; null when unknown. */
    private float[] media;
    private int failedPages;

    // The run being built.
    private float x0;
    private float x1;
    private float top;
    private float baseline;
    /** Characters of the word that set {@link #baseline}: the run's baseline is its longest word's. */
    private int baselineChars;
    /** The run's writing direction (PDFBox's 0, 90, 180 or 270) and its box in page space (y down). */
    private int dir;
    private float pageX0;
    private float pageX1;
    private float pageTop;
    private float pageBottom;
    private float sizeA;
    private int countA;
    private float sizeB;
    private int countB;
    private int boldChars;
    private int monoChars;
    private int chars;
    private boolean pendingSpace;
    private boolean rtl;
    private final List<String> words = new ArrayList<>();
    private final List<List<TextPosition>> wordGlyphs = new ArrayList<>();
    private final Set<Long> drawn = new HashSet<>();
    private final PdfGlyphNames glyphNames = new PdfGlyphNames();
    /** Per page, glyphs whose text could not be read (written as U+FFFD). */
    private final int[] unreadable;
    /** Glyphs seen in the whole document. */
    private long glyphs;
    /** The page's runs with their direction, until the page's main direction is known. */
    private final List<Run> runs = new ArrayList<>();
    /** A combining mark held back until the glyph after it shows which letter it sits on. */
    private TextPosition pendingMark;
    private TextPosition lastPassed;

    PdfTextCollector(int pageCount, PdfImageSaver images) {
        this.images = images;
        this.pages = new ArrayList<>(pageCount);
        this.sizes = new ArrayList<>(pageCount);
        this.unreadable = new int[pageCount];
        for (int i = 0; i < pageCount; i++) {
            pages.add(List.of());
            sizes.add(new float[] {612, 792});
        }
        setSortByPosition(true);
        // PDFBox's own duplicate check keeps sorted maps per character and cost a tenth of the
        // run time; processTextPosition below does the same job with a hash lookup.
        setSuppressDuplicateOverlappingText(false);
    }

    /** Extracts every page; returns the runs of each page in PDFBox's position order. */
    List<List<PdfLine>> collect(PDDocument document) throws IOException {
        writeText(document, Writer.nullWriter());
        return pages;
    }

    /** Each page's width and height as shown, in points (index 0 is page 1). */
    List<float[]> pageSizes() {
        return sizes;
    }

    /** Per page (index 0 is page 1), glyphs in fonts without a Unicode map whose text could not be read. */
    int[] unreadableGlyphs() {
        return unreadable;
    }

    /** All glyphs the document draws on its pages. */
    long glyphCount() {
        return glyphs;
    }

    /** Pages whose content could not be read (damaged streams); their text is missing. */
    int failedPages() {
        return failedPages;
    }

    @Override
    public void processPage(PDPage page) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("conversion interrupted");
        }
        int index = getCurrentPageNo() - 1;
        current = new ArrayList<>();
        runs.clear();
        resetRun();
        cropBox = page.getCropBox();
        PDRectangle mediaBox = page.getMediaBox();
        // Unrotated pages only: a turned page's text is measured in a turned frame.
        media = page.getRotation() % 360 != 0 ? null : new float[] {
            mediaBox.getLowerLeftX() - cropBox.getLowerLeftX(), cropBox.getUpperRightY() - mediaBox.getUpperRightY(),
            mediaBox.getUpperRightX() - cropBox.getLowerLeftX(), cropBox.getUpperRightY() - mediaBox.getLowerLeftY()};
        boolean turned = page.getRotation() % 180 != 0;
        if (index >= 0 && index < sizes.size()) {
            sizes.set(index, new float[] {turned ? cropBox.getHeight() : cropBox.getWidth(),
                    turned ? cropBox.getWidth() : cropBox.getHeight()});
        }
        drawn.clear();
        pendingMark = null;
        lastPassed = null;
        try {
            super.processPage(page);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A damaged content stream loses that page's text, not the whole document.
            failedPages++;
        }
        if (index >= 0 && index < pages.size()) {
            pages.set(index, upright(current, runs));
            unreadable[index] = glyphNames.takeUnreadable();
        }
    }

    /** One run as drawn, before the page's main direction is known. */
    private record Run(PdfLine line, int dir, float pageX0, float pageX1, float pageTop, float pageBottom, int chars) {
    }

    /**
     * The page's runs with those not written in its main direction (the one most characters
     * use) marked rotated and placed by their box on the page.
     */
    private static List<PdfLine> upright(List<PdfLine> lines, List<Run> runs) {
        Map<Integer, Integer> byDir = new HashMap<>();
        for (Run run : runs) {
            byDir.merge(run.dir(), run.chars(), Integer::sum);
        }
        if (byDir.size() < 2) {
            return lines;
        }
        int main = byDir.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<PdfLine, Run> rotated = new IdentityHashMap<>();
        for (Run run : runs) {
            if (run.dir() != main) {
                rotated.put(run.line(), run);
            }
        }
        List<PdfLine> out = new ArrayList<>(lines.size());
        for (PdfLine line : lines) {
            Run run = rotated.get(line);
            out.add(run == null ? line : new PdfLine(line.text(), run.pageX0(), run.pageX1(), run.pageTop(),
                    run.pageBottom(), line.fontSize(), line.bold(), line.mono(), null,
                    run.dir() == DIAGONAL ? PdfLine.DIAGONAL : PdfLine.TURNED));
        }
        return out;
    }

    @Override
    protected void writePage() throws IOException {
        if (pendingMark != null) {
            pass(pendingMark);
            pendingMark = null;
        }
        List<List<TextPosition>> original = new ArrayList<>(charactersByArticle);
        List<List<TextPosition>> articles = new ArrayList<>(original.size());
        for (List<TextPosition> article : original) {
            articles.addAll(PdfOverprint.separate(article));
        }
        if (articles.size() == original.size()) {
            super.writePage();
            return;
        }
        // PDFBox reuses its article lists page after page: it gets its own back.
        charactersByArticle.clear();
        charactersByArticle.addAll(articles);
        try {
            super.writePage();
        } finally {
            charactersByArticle.clear();
            charactersByArticle.addAll(original);
        }
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (images != null && "Do".equals(operator.getName()) && !operands.isEmpty()
                && operands.get(0) instanceof COSName name) {
            placeImage(name);
        }
        super.processOperator(operator, operands);
    }

    private void placeImage(COSName name) throws IOException {
        PDResources resources = getResources();
        if (resources == null || !resources.isImageXObject(name)) {
            return;
        }
        PDXObject xobject = resources.getXObject(name);
        if (!(xobject instanceof PDImageXObject image)) {
            return;
        }
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        float width = Math.abs(ctm.getScalingFactorX());
        float height = Math.abs(ctm.getScalingFactorY());
        String file = images.save(image, getCurrentPageNo(), width, height);
        if (file == null) {
            return;
        }
        // The image is the unit square under the CTM; convert to the stripper's top-down coordinates.
        float left = ctm.getTranslateX() - cropBox.getLowerLeftX();
        float bottomUp = ctm.getTranslateY() - cropBox.getLowerLeftY();
        float x0i = Math.min(left, left + ctm.getValue(0, 0));
        float y0i = Math.min(bottomUp, bottomUp + ctm.getValue(1, 1));
        float pageHeight = cropBox.getHeight();
        current.add(PdfLine.image(file, x0i, x0i + width, pageHeight - (y0i + height), pageHeight - y0i));
    }

    /**
     * Drops a glyph drawn again at (almost) the same place: fake bold and shadows draw text twice,
     * which would otherwise read "HHeelllloo" once sorted by position. Holds a combining mark back
     * until the next glyph, so that it reaches the letter it is drawn on ({@link PdfMarks}).
     */
    @Override
    protected void processTextPosition(TextPosition glyph) {
        if (offPage(glyph)) {
            // Printers' slugs and crop-mark notes outside the page box: not shown, not read.
            return;
        }
        TextPosition position = glyphNames.read(glyph);
        glyphs++;
        String unicode = position.getUnicode();
        if (unicode != null && !unicode.isEmpty()) {
            long code = unicode.hashCode() & 0xFFFFFFL;
            int x = Math.round(position.getX() * 2);
            int y = Math.round(position.getY() * 2);
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    if (drawn.contains(key(code, x + dx, y + dy))) {
                        return;
                    }
                }
            }
            drawn.add(key(code, x, y));
        }
        TextPosition mark = pendingMark;
        pendingMark = null;
        if (mark != null && PdfMarks.belongsToNext(lastPassed, mark, position)) {
            // PDFBox merges a mark into the glyph just before it: give it its letter first.
            pass(position);
            pass(mark);
            return;
        }
        if (mark != null) {
            pass(mark);
        }
        if (position.isDiacritic()) {
            pendingMark = position;
        } else {
            pass(position);
        }
    }

    /**
     * Whether a glyph lies wholly outside the page's media box, where no viewer or printer shows
     * it (pdftotext drops such text too). Positions are measured from the crop box's top left.
     */
    private boolean offPage(TextPosition p) {
        if (media == null) {
            return false;
        }
        float x = p.getX();
        float y = p.getY();
        float h = Math.max(1, p.getHeight());
        return x + p.getWidth() < media[0] || y + h < media[1] || x > media[2] || y - h > media[3];
    }

    private void pass(TextPosition position) {
        super.processTextPosition(position);
        lastPassed = position;
    }

    private static long key(long code, int x, int y) {
        return code << 40 | (x & 0xFFFFFL) << 20 | (y & 0xFFFFFL);
    }

    @Override
    protected void writeString(String word, List<TextPosition> positions) {
        if (positions.isEmpty() || word.isEmpty()) {
            return;
        }
        float wx0 = Float.MAX_VALUE;
        float wx1 = -Float.MAX_VALUE;
        float wTop = Float.MAX_VALUE;
        float wBase = -Float.MAX_VALUE;
        for (TextPosition p : positions) {
            String u = p.getUnicode();
            if (u != null && u.isBlank() && positions.size() > 1) {
                // Leading or trailing space glyphs would widen the run (and hide a code line's indent).
                continue;
            }
            float x = p.getXDirAdj();
            float y = p.getYDirAdj();
            wx0 = Math.min(wx0, x);
            wx1 = Math.max(wx1, x + p.getWidthDirAdj());
            wBase = Math.max(wBase, y);
            wTop = Math.min(wTop, y - p.getHeightDir());
        }
        TextPosition first = positions.get(0);
        float size = Math.round(drawnSize(first) * 2) / 2f;
        if (chars > 0) {
            float gap = Math.max(wx0 - x1, x0 - wx1);
            if (gap > GAP_EM * Math.max(size, 4)) {
                flush();
            }
        }
        String spaced = PdfWordSpacing.correct(word, positions);
        boolean glued = false;
        if (chars == 0) {
            x0 = wx0;
            x1 = wx1;
            top = wTop;
            baseline = wBase;
            baselineChars = positions.size();
            dir = diagonal(first) ? DIAGONAL : Math.round(first.getDir());
            pageX0 = Float.MAX_VALUE;
            pageX1 = -Float.MAX_VALUE;
            pageTop = Float.MAX_VALUE;
            pageBottom = -Float.MAX_VALUE;
        } else {
            // PDFBox measures word gaps from the glyph sorted last; a kerned Arabic letter sorted
            // out of place makes a gap inside a word. The ink extents show there is none.
            glued = pendingSpace && PdfWordSpacing.joined(wordGlyphs.get(wordGlyphs.size() - 1), positions);
            x0 = Math.min(x0, wx0);
            x1 = Math.max(x1, wx1);
            top = Math.min(top, wTop);
            if (positions.size() > baselineChars) {
                // Sub- and superscripts sit off the line: the longest word shows where it is.
                baseline = wBase;
                baselineChars = positions.size();
            }
        }
        pageBox(positions);
        pendingSpace = false;
        if (glued) {
            // Right-to-left: the word on the right is the one read first.
            int last = words.size() - 1;
            words.set(last, spaced + words.get(last));
            List<TextPosition> both = new ArrayList<>(wordGlyphs.get(last));
            both.addAll(positions);
            wordGlyphs.set(last, both);
        } else {
            words.add(spaced);
            wordGlyphs.add(positions);
        }
        rtl |= RtlText.hasRtl(spaced);
        int n = spaced.length();
        countSize(size, n);
        if (isBold(first.getFont())) {
            boldChars += n;
        }
        if (isMono(first.getFont())) {
            monoChars += n;
        }
        chars += n;
    }

    @Override
    protected void writeWordSeparator() {
        if (chars > 0) {
            pendingSpace = true;
        }
    }

    @Override
    protected void writeLineSeparator() {
        flush();
    }

    @Override
    protected void endArticle() throws IOException {
        flush();
        super.endArticle();
    }

    @Override
    protected void writePageEnd() throws IOException {
        flush();
        super.writePageEnd();
    }

    /** Tracks the two most used sizes of a run: enough to find the dominant one without a map per line. */
    private void countSize(float size, int n) {
        if (countA == 0 || size == sizeA) {
            sizeA = size;
            countA += n;
        } else if (countB == 0 || size == sizeB) {
            sizeB = size;
            countB += n;
            if (countB > countA) {
                float s = sizeA;
                int c = countA;
                sizeA = sizeB;
                countA = countB;
                sizeB = s;
                countB = c;
            }
        }
    }

    private void flush() {
        if (chars > 0) {
            String s;
            if (rtl) {
                s = RtlText.logicalLine(words).strip();
            } else {
                PdfSmallCaps.Words read = PdfSmallCaps.apply(words, wordGlyphs);
                s = PdfLetterSpacing.join(read.words(), read.glyphs()).strip();
            }
            s = PdfNoteMarks.separate(s);
            if (!s.isEmpty()) {
                boolean bold = boldChars * 2 > chars;
                boolean mono = monoChars * 2 >= chars;
                PdfLine line = new PdfLine(s, x0, x1, top, baseline, sizeA, bold, mono, null, PdfLine.UPRIGHT);
                current.add(line);
                runs.add(new Run(line, dir, pageX0, pageX1, pageTop, pageBottom, chars));
            }
        }
        resetRun();
    }

    /**
     * Widens the page-space box of a run that is not written left to right across the page
     * (a stamp up the margin, a rotated table head): its text-direction coordinates say
     * nothing about where it sits on the page.
     */
    private void pageBox(List<TextPosition> positions) {
        for (TextPosition p : positions) {
            float h = Math.max(1, p.getHeightDir());
            pageX0 = Math.min(pageX0, p.getX() - h);
            pageX1 = Math.max(pageX1, p.getX() + h);
            pageTop = Math.min(pageTop, p.getY() - h);
            pageBottom = Math.max(pageBottom, p.getY() + h);
        }
    }

    /**
     * Whether a glyph is set at a slant to the page's axes (a watermark across a figure): PDFBox
     * sorts such text letter by letter into the lines around it, in fragments ("DF Edito").
     */
    private static boolean diagonal(TextPosition p) {
        Matrix m = p.getTextMatrix();
        float a = Math.abs(m.getValue(0, 0));
        float b = Math.abs(m.getValue(0, 1));
        return Math.min(a, b) > DIAGONAL_SLOPE * Math.max(a, b);
    }

    /**
     * The size a glyph is drawn at, from its rendering matrix. PDFBox's own figure is cut to
     * whole points and leaves out the page's scaling, so one paragraph's lines came out as 9 and
     * 10 point alternately.
     */
    static float drawnSize(TextPosition p) {
        float size = Math.abs(p.getTextMatrix().getScalingFactorY());
        if (size > 0) {
            return size;
        }
        return Math.max(1, p.getHeightDir());
    }

    private void resetRun() {
        chars = 0;
        boldChars = 0;
        monoChars = 0;
        countA = 0;
        countB = 0;
        pendingSpace = false;
        rtl = false;
        words.clear();
        wordGlyphs.clear();
    }

    private boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        return boldFonts.computeIfAbsent(font, PdfTextCollector::looksBold);
    }

    private boolean isMono(PDFont font) {
        if (font == null) {
            return false;
        }
        return monoFonts.computeIfAbsent(font, PdfTextCollector::looksMono);
    }

    private static boolean looksMono(PDFont font) {
        PDFontDescriptor descriptor = font.getFontDescriptor();
        if (descriptor != null && descriptor.isFixedPitch()) {
            return true;
        }
        String name = font.getName();
        return name != null && MONO_NAME.matcher(name.toLowerCase(Locale.ROOT)).find();
    }

    private static boolean looksBold(PDFont font) {
        PDFontDescriptor descriptor = font.getFontDescriptor();
        if (descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600)) {
            return true;
        }
        String name = font.getName();
        return name != null && BOLD_NAME.matcher(name.toLowerCase(Locale.ROOT)).find();
    }
}
