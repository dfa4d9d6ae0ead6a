package dev.kbtool.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts superscripts and subscripts back on their line. PDFBox starts a new line when a glyph's
 * (estimated) height does not overlap the line's, so a small exponent raised above its base
 * ({@code 10} and a raised {@code 6} on a plot axis) becomes a line of its own, read before its
 * base. A short run in a smaller size that starts where another run ends, with its baseline
 * shifted by less than an em, is appended to that run, as PDFBox does when the two overlap
 * ({@code mc2}, {@code 106}). A run in the same size that starts where another ends, with no
 * gap between the letters where they meet, is the rest of that run's last word, put on a line
 * of its own by PDFBox's sort: the TeX logo's lowered E next to a line of another column between
 * the two baselines came out as {@code T EX}.
 */
final class PdfScripts {
    /** Runs this far apart in PDFBox's order (lines, then x) are not looked at as a pair. */
    private static final int WINDOW = 8;
    private static final int MAX_CHARS = 12;
    /** A script is at most this size relative to its base: TeX uses 0.7, word processors 0.58–0.65. */
    private static final float MAX_SIZE_RATIO = 0.85f;
    /** Baseline shift, in base font sizes: TeX raises exponents by 0.36–0.45 em, lowers indices by 0.15–0.25. */
    private static final float MIN_SHIFT = 0.12f;
    private static final float MAX_SHIFT = 0.6f;
    /** The script starts where its base ends: no wider gap than a thin space, small overlap for kerning. */
    private static final float MAX_GAP = 0.15f;
    private static final float MAX_OVERLAP = 0.1f;
    /**
     * A word's pieces: sizes within this ratio, touching (a hundredth of an em for rounding) or
     * kerned into each other by up to 0.3 em. Two labels of a chart placed 0.02 em apart are two.
     */
    private static final float PIECE_SIZE = 1.15f;
    private static final float PIECE_GAP = 0.01f;
    private static final float PIECE_OVERLAP = 0.3f;
    /** A piece's baseline lies within this many ems of the word's: PDFBox's rows are half an em apart. */
    private static final float PIECE_SHIFT = 0.5f;

    private PdfScripts() {
    }

    static List<PdfLine> attach(List<PdfLine> runs) {
        List<PdfLine> out = new ArrayList<>(runs);
        boolean[] attached = new boolean[out.size()];
        boolean any = false;
        for (int i = 0; i < out.size(); i++) {
            PdfLine script = out.get(i);
            boolean candidate = isCandidate(script);
            if (!candidate && !isUpright(script)) {
                continue;
            }
            int from = Math.max(0, i - WINDOW);
            int to = Math.min(out.size(), i + WINDOW + 1);
            for (int j = from; j < to; j++) {
                if (j != i && !attached[j] && (candidate && isBase(out.get(j), script) || isWordOf(out.get(j), script))) {
                    out.set(j, append(out.get(j), script));
                    attached[i] = true;
                    any = true;
                    break;
                }
            }
        }
        if (!any) {
            return runs;
        }
        List<PdfLine> kept = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            if (!attached[i]) {
                kept.add(out.get(i));
            }
        }
        return kept;
    }

    private static boolean isCandidate(PdfLine run) {
        if (run.isImage() || run.rotated() || run.text().length() > MAX_CHARS) {
            return false;
        }
        for (int i = 0; i < run.text().length(); i++) {
            if (Character.isWhitespace(run.text().charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase(PdfLine base, PdfLine script) {
        if (base.isImage() || base.rotated() || base.text().isEmpty() || script.fontSize() > MAX_SIZE_RATIO * base.fontSize()
                || RtlText.hasRtl(base.text())) {
            return false;
        }
        float em = base.fontSize();
        float gap = script.x0() - base.x1();
        float shift = Math.abs(base.baseline() - script.baseline());
        return gap <= MAX_GAP * em && gap >= -MAX_OVERLAP * em && shift >= MIN_SHIFT * em && shift <= MAX_SHIFT * em;
    }

    /** Whether {@code piece} goes on with the last word of {@code run}, touching it (see the class comment). */
    private static boolean isWordOf(PdfLine run, PdfLine piece) {
        if (!isUpright(run) || RtlText.hasRtl(run.text()) || RtlText.hasRtl(piece.text())) {
            return false;
        }
        float em = run.fontSize();
        float ratio = Math.max(em, piece.fontSize()) / Math.max(0.1f, Math.min(em, piece.fontSize()));
        float gap = piece.x0() - run.x1();
        float shift = Math.abs(run.baseline() - piece.baseline());
        String text = run.text();
        return ratio <= PIECE_SIZE && gap <= PIECE_GAP * em && gap >= -PIECE_OVERLAP * em && shift < PIECE_SHIFT * em
                && Character.isLetterOrDigit(text.codePointBefore(text.length()))
                && Character.isLetterOrDigit(piece.text().codePointAt(0));
    }

    private static boolean isUpright(PdfLine run) {
        return !run.isImage() && !run.rotated() && !run.text().isEmpty();
    }

    private static PdfLine append(PdfLine base, PdfLine script) {
        return new PdfLine(PdfNoteMarks.separate(base.text() + script.text()), base.x0(), Math.max(base.x1(), script.x1()),
                Math.min(base.top(), script.top()), base.baseline(), base.fontSize(), base.bold(), base.mono(), null,
                PdfLine.UPRIGHT);
    }
}
