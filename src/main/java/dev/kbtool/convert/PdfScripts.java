package dev.kbtool.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts superscripts and subscripts back on their line. PDFBox starts a new line when a glyph's
 * (estimated) height does not overlap the line's, so a small exponent raised above its base
 * ({@code 10} and a raised {@code 6} on a plot axis) becomes a line of its own, read before its
 * base. A short run in a smaller size that starts where another run ends, with its baseline
 * shifted by less than an em, is appended to that run, as PDFBox does when the two overlap
 * ({@code mc2}, {@code 106}).
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

    private PdfScripts() {
    }

    static List<PdfLine> attach(List<PdfLine> runs) {
        List<PdfLine> out = new ArrayList<>(runs);
        boolean[] attached = new boolean[out.size()];
        boolean any = false;
        for (int i = 0; i < out.size(); i++) {
            PdfLine script = out.get(i);
            if (!isCandidate(script)) {
                continue;
            }
            int from = Math.max(0, i - WINDOW);
            int to = Math.min(out.size(), i + WINDOW + 1);
            for (int j = from; j < to; j++) {
                if (j != i && !attached[j] && isBase(out.get(j), script)) {
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

    private static PdfLine append(PdfLine base, PdfLine script) {
        return new PdfLine(base.text() + script.text(), base.x0(), Math.max(base.x1(), script.x1()),
                Math.min(base.top(), script.top()), base.baseline(), base.fontSize(), base.bold(), base.mono(), null,
                PdfLine.UPRIGHT);
    }
}
