package dev.kbtool.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes the footnotes out of a page's running text. A footnote is set smaller than the body,
 * in the lower half of the page, with nothing in body size below it in its column, and begins
 * with its mark (a number, an enclosed number such as ① ({@link PdfNoteMarks}) or a symbol such
 * as * or †) followed by prose that does not start in
 * lower case (which "1in" or "2pt" would); blocks in the same
 * small size right after it continue the footnotes. Left in place, a footnote at the foot of a
 * column splits the paragraph that runs on into the next column or page.
 */
final class PdfFootnotes {
    /** Footnotes are set at most this share of the body size, and at least the second. */
    private static final float MAX_SIZE = 0.92f;
    private static final float MIN_SIZE = 0.5f;
    private static final Pattern MARK = Pattern.compile(
            "^(?:(?:\\p{Nd}{1,3}|[*∗†‡§¶‖#]{1,3}|[\u00B9\u00B2\u00B3\u2070-\u2079]{1,3})\\s?(?!\\p{Ll})\\p{L}"
                    // An enclosed number is no unit: its note may start in lower case (a web address).
                    + "|[\u2460-\u249B\u24EA-\u24FF\u2776-\u2793\u3251-\u325F\u32B1-\u32BF]{1,3}\\s?\\p{L})");
    /** A mark glued to a capitalised first word ("1For"): not a unit ("1in", "2pt"). */
    private static final Pattern GLUED_MARK = Pattern.compile("^(?:\\p{Nd}{1,2}|[*∗†‡§¶])\\p{Lu}\\p{Ll}");
    private static final int MIN_WORDS = 3;

    private PdfFootnotes() {
    }

    /** A page's blocks: the running text in reading order, and its footnotes. */
    record Split(List<PdfBlock> body, List<PdfBlock> notes) {
    }

    static Split split(List<PdfBlock> blocks, float bodySize, float pageHeight) {
        List<PdfBlock> notes = new ArrayList<>();
        boolean[] isNote = new boolean[blocks.size()];
        boolean inNotes = false;
        for (int i = 0; i < blocks.size(); i++) {
            PdfBlock block = blocks.get(i);
            boolean low = block.first().top() > pageHeight / 2;
            boolean small = isSmallText(block, bodySize) && low && nothingInBodySizeBelow(blocks, block, bodySize);
            boolean starts = small && MARK.matcher(block.first().text()).find() && words(block.text()) >= MIN_WORDS
                    && bodyTextAbove(blocks, block, bodySize);
            // Some styles set footnotes in body size; a mark glued to the first word ("1For") still shows one.
            starts |= !small && low && isText(block) && block.fontSize() <= bodySize * 1.02f
                    && GLUED_MARK.matcher(block.first().text()).find() && words(block.text()) >= MIN_WORDS
                    && nothingBelow(blocks, block) && bodyTextAbove(blocks, block, 0);
            inNotes = starts || inNotes && small;
            if (inNotes) {
                isNote[i] = true;
                notes.add(block);
            }
        }
        if (notes.isEmpty()) {
            return new Split(blocks, List.of());
        }
        List<PdfBlock> body = new ArrayList<>(blocks.size() - notes.size());
        for (int i = 0; i < blocks.size(); i++) {
            if (!isNote[i]) {
                body.add(blocks.get(i));
            }
        }
        return new Split(body, notes);
    }

    private static boolean isText(PdfBlock block) {
        return !block.isImage() && !block.isTable() && !block.first().rotated();
    }

    private static boolean isSmallText(PdfBlock block, float bodySize) {
        if (!isText(block)) {
            return false;
        }
        float size = block.fontSize();
        return size <= MAX_SIZE * bodySize && size >= MIN_SIZE * bodySize;
    }

    /** Whether no line in body size lies below the block and across its width. */
    private static boolean nothingInBodySizeBelow(List<PdfBlock> blocks, PdfBlock note, float bodySize) {
        float bottom = note.last().baseline();
        for (PdfBlock other : blocks) {
            if (other == note || other.isImage()) {
                continue;
            }
            for (PdfLine line : other.lines()) {
                if (line.top() > bottom && overlaps(line, note) && line.fontSize() > MAX_SIZE * bodySize
                        && !line.rotated()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether no text at all lies below the block and across its width: the foot of its column. */
    private static boolean nothingBelow(List<PdfBlock> blocks, PdfBlock note) {
        return nothingInBodySizeBelow(blocks, note, 0);
    }

    /** Whether body-size text stands above the block in its column: a footnote belongs to some text. */
    private static boolean bodyTextAbove(List<PdfBlock> blocks, PdfBlock note, float bodySize) {
        float top = note.first().top();
        for (PdfBlock other : blocks) {
            if (other == note || other.isImage()) {
                continue;
            }
            PdfLine last = other.last();
            if (last.baseline() < top && overlaps(last, note) && other.fontSize() > MAX_SIZE * bodySize) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(PdfLine line, PdfBlock block) {
        float x0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        for (PdfLine l : block.lines()) {
            x0 = Math.min(x0, l.x0());
            x1 = Math.max(x1, l.x1());
        }
        return line.x0() < x1 && line.x1() > x0;
    }

    private static int words(String text) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetter(text.charAt(i));
            if (letter && !inWord) {
                n++;
            }
            inWord = letter;
        }
        return n;
    }
}
