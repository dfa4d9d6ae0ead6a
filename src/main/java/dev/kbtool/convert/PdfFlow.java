package dev.kbtool.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Carries paragraphs over column and page breaks. A paragraph runs on into the next column, or
 * the next page, when its last line reaches the column's right edge and the next text block (past
 * figures, captions and small print placed between) is set the same way and takes the sentence
 * up: the paragraph ends without a full stop or in a word broken at a hyphen, or — in text that
 * marks new paragraphs by indenting them — the next block is not indented.
 */
final class PdfFlow {
    /** Sizes differing by more than this share are different kinds of text. */
    private static final float SAME_SIZE = 0.08f;
    /** Blocks this far smaller than the body are figure labels, tables or notes: they float. */
    private static final float SMALL = 0.92f;
    /** At most this many floating blocks stand between a paragraph and its continuation. */
    private static final int MAX_FLOATS = 12;
    /** Text whose paragraphs start indented: at least this share of its paragraphs are. */
    private static final float INDENTED_SHARE = 0.3f;
    private static final Pattern CAPTION = Pattern.compile(
            "^(?:Figure|Fig\\.|Table|Tab\\.|Listing|Algorithm|Chart|Exhibit|Abbildung|Abb\\.|Tabelle|Tableau"
                    + "|Рис\\.|Рисунок|Таблица|图|表)\\s*[\\p{Nd}IVX]", Pattern.CASE_INSENSITIVE);
    private static final String CLOSERS = "\"'”’»)]}*";

    private final PdfHeadings headings;
    private final float bodySize;
    private final boolean indented;

    private PdfFlow(PdfHeadings headings, float bodySize, boolean indented) {
        this.headings = headings;
        this.bodySize = bodySize;
        this.indented = indented;
    }

    /** The flow rules for a document whose pages hold {@code pages} (running text only). */
    static PdfFlow of(List<List<PdfBlock>> pages, PdfHeadings headings, float bodySize) {
        int paragraphs = 0;
        int indentedStarts = 0;
        for (List<PdfBlock> page : pages) {
            for (PdfBlock block : page) {
                if (block.lines().size() >= 2 && !block.isImage() && !block.isCode() && sameSize(block, bodySize)
                        && headings.level(block) == 0 && !PdfBlocks.isListItem(block.first().text())) {
                    paragraphs++;
                    indentedStarts += block.indented() ? 1 : 0;
                }
            }
        }
        return new PdfFlow(headings, bodySize, paragraphs > 0 && indentedStarts >= INDENTED_SHARE * paragraphs);
    }

    /** The page's blocks with paragraphs that run on over a column break (or a float) joined. */
    List<PdfBlock> joinRegions(List<PdfBlock> blocks) {
        List<PdfBlock> out = new ArrayList<>(blocks);
        for (int i = 0; i < out.size(); i++) {
            PdfBlock a = out.get(i);
            if (!canRunOn(a)) {
                continue;
            }
            int j = nextText(out, i + 1);
            if (j < 0) {
                continue;
            }
            PdfBlock c = out.get(j);
            boolean broken = c.region() != a.region() || j > i + 1;
            if (broken && continues(a, c)) {
                out.set(i, a.followedBy(c));
                out.remove(j);
                // The joined paragraph may run on again (three columns, or a figure in the next one).
                i--;
            }
        }
        return out;
    }

    /**
     * Where the next page takes up the paragraph that ends {@code page}: the index of its block
     * in {@code next}, or -1 when the next page starts afresh.
     */
    int continuation(List<PdfBlock> page, List<PdfBlock> next) {
        if (page.isEmpty()) {
            return -1;
        }
        PdfBlock a = page.get(page.size() - 1);
        if (!canRunOn(a)) {
            return -1;
        }
        int j = nextText(next, 0);
        return j >= 0 && continues(a, next.get(j)) ? j : -1;
    }

    /** The first block from {@code from} that is not a float, if only floats stand before it. */
    private int nextText(List<PdfBlock> blocks, int from) {
        for (int j = from; j < blocks.size() && j <= from + MAX_FLOATS; j++) {
            PdfBlock block = blocks.get(j);
            if (!isFloat(block)) {
                return j;
            }
        }
        return -1;
    }

    /** Figures, captions, rotated labels and small print: placed where there was room, not in the text's order. */
    boolean isFloat(PdfBlock block) {
        if (block.isImage() || block.isTable() || block.first().rotated()) {
            return true;
        }
        if (headings.level(block) > 0) {
            return false;
        }
        return isCaption(block) || block.fontSize() < SMALL * bodySize;
    }

    static boolean isCaption(PdfBlock block) {
        return !block.isImage() && CAPTION.matcher(block.first().text()).find();
    }

    private boolean canRunOn(PdfBlock a) {
        return !a.isImage() && !a.isTable() && !a.isCode() && !a.first().rotated() && headings.level(a) == 0
                && !isCaption(a)
                && a.openEnd();
    }

    private boolean continues(PdfBlock a, PdfBlock c) {
        if (c.isImage() || c.isCode() || c.first().rotated() || headings.level(c) > 0 || isCaption(c)
                || PdfBlocks.isListItem(c.first().text()) || a.bold() != c.bold() || a.isCode() != c.isCode()) {
            return false;
        }
        float size = a.fontSize();
        if (Math.abs(size - c.fontSize()) > Math.max(0.6f, SAME_SIZE * size)) {
            return false;
        }
        boolean item = PdfBlocks.isListItem(a.first().text());
        String text = a.last().text();
        if (c.indented() && !item && !hangs(a, c)
                && !(PdfBlocks.startsLower(c.first().text()) && !PdfBlocks.endsSentence(text))) {
            // An indented line after a finished sentence starts a paragraph.
            return false;
        }
        int end = text.length() - 1;
        while (end >= 0 && (Character.isWhitespace(text.charAt(end)) || CLOSERS.indexOf(text.charAt(end)) >= 0)) {
            end--;
        }
        if (end < 0) {
            return false;
        }
        char last = text.charAt(end);
        if (last == '-' || last == '\u2010' || last == '\u00AD' || PdfBlocks.SENTENCE_END.indexOf(last) < 0) {
            return true;
        }
        // A sentence ended with the line: only indentation tells a new paragraph from a new sentence.
        return indented && !item;
    }

    /** Whether {@code a} hangs its lines after the first (a reference list) as far in as {@code c} starts. */
    private static boolean hangs(PdfBlock a, PdfBlock c) {
        if (a.lines().size() < 2) {
            return false;
        }
        float em = Math.max(1, a.fontSize());
        float aIndent = a.lines().get(1).x0() - a.left();
        float cIndent = c.first().x0() - c.left();
        return a.first().x0() - a.left() < aIndent - 0.8f * em && Math.abs(aIndent - cIndent) < em;
    }

    private static boolean sameSize(PdfBlock block, float size) {
        return Math.abs(block.fontSize() - size) <= Math.max(0.6f, SAME_SIZE * size);
    }
}
