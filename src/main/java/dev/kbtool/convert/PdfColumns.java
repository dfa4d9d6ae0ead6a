package dev.kbtool.convert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts the runs of one page into reading order. A page set in columns has vertical gutters: strips
 * that no column-width run crosses, with several substantial runs on each side. Runs that cross a
 * gutter (titles, full-width figures) cut the page into bands; within a band the columns are read
 * one after the other, left to right, each top to bottom. A page without gutters is one region.
 */
final class PdfColumns {
    /** Runs wider than this share of the text width are not column text (they may span columns). */
    private static final float NARROW = 0.6f;
    /** A column needs at least this many runs of at least this share of the text width. */
    private static final int MIN_COLUMN_RUNS = 3;
    private static final float SUBSTANTIAL = 0.2f;
    private static final float MIN_GUTTER = 4f;
    /** Gutters are looked for away from the text's outer edges. */
    private static final float EDGE = 0.15f;

    private PdfColumns() {
    }

    /** The page's regions in reading order; each region's runs are in reading order too. */
    static List<List<PdfLine>> regions(List<PdfLine> runs) {
        List<float[]> gutters = gutters(runs);
        if (gutters.isEmpty()) {
            return runs.isEmpty() ? List.of() : List.of(inRows(new ArrayList<>(runs)));
        }
        List<PdfLine> byBaseline = new ArrayList<>(runs);
        byBaseline.sort(Comparator.comparingDouble(PdfLine::baseline));
        List<List<PdfLine>> regions = new ArrayList<>();
        List<List<PdfLine>> columns = newColumns(gutters.size() + 1);
        // Runs crossing a gutter one after another are one band of full-width text.
        List<PdfLine> spanning = new ArrayList<>();
        for (PdfLine run : byBaseline) {
            int column = column(run, gutters);
            if (column < 0) {
                flush(columns, regions);
                spanning.add(run);
            } else {
                if (!spanning.isEmpty()) {
                    regions.add(inRows(spanning));
                    spanning = new ArrayList<>();
                }
                columns.get(column).add(run);
            }
        }
        flush(columns, regions);
        if (!spanning.isEmpty()) {
            regions.add(inRows(spanning));
        }
        return regions;
    }

    private static List<List<PdfLine>> newColumns(int n) {
        List<List<PdfLine>> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            columns.add(new ArrayList<>());
        }
        return columns;
    }

    private static void flush(List<List<PdfLine>> columns, List<List<PdfLine>> regions) {
        for (List<PdfLine> column : columns) {
            if (!column.isEmpty()) {
                regions.add(inRows(new ArrayList<>(column)));
                column.clear();
            }
        }
    }

    /** The column a run sits in, or -1 when it crosses a gutter. */
    private static int column(PdfLine run, List<float[]> gutters) {
        for (int i = 0; i < gutters.size(); i++) {
            float[] g = gutters.get(i);
            if (run.x0() < g[0] - 1 && run.x1() > g[1] + 1) {
                return -1;
            }
        }
        float center = run.centerX();
        int column = 0;
        while (column < gutters.size() && center > (gutters.get(column)[0] + gutters.get(column)[1]) / 2) {
            column++;
        }
        return column;
    }

    /** Sorts runs top to bottom, and runs sharing a baseline left to right. */
    static List<PdfLine> inRows(List<PdfLine> runs) {
        runs.sort(Comparator.comparingDouble(PdfLine::baseline));
        List<PdfLine> out = new ArrayList<>(runs.size());
        int start = 0;
        for (int i = 1; i <= runs.size(); i++) {
            if (i == runs.size() || !sameRow(runs.get(start), runs.get(i))) {
                List<PdfLine> row = runs.subList(start, i);
                row.sort(Comparator.comparingDouble(PdfLine::x0));
                out.addAll(row);
                start = i;
            }
        }
        return out;
    }

    static boolean sameRow(PdfLine a, PdfLine b) {
        float size = Math.max(1, Math.min(heightOf(a), heightOf(b)));
        return Math.abs(a.baseline() - b.baseline()) < 0.5f * size;
    }

    private static float heightOf(PdfLine run) {
        return run.isImage() ? run.baseline() - run.top() : run.fontSize();
    }

    /** The x ranges {start, end} of the page's column gutters, left to right; empty for one column. */
    static List<float[]> gutters(List<PdfLine> runs) {
        float minX = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        int textRuns = 0;
        for (PdfLine run : runs) {
            if (!run.isImage()) {
                minX = Math.min(minX, run.x0());
                maxX = Math.max(maxX, run.x1());
                textRuns++;
            }
        }
        float width = maxX - minX;
        if (textRuns < 2 * MIN_COLUMN_RUNS || width < 50) {
            return List.of();
        }
        int bins = (int) Math.ceil(width) + 1;
        int[] delta = new int[bins + 1];
        int columnRuns = 0;
        for (PdfLine run : runs) {
            // Only column-like runs count: short ones (names in a title block, labels) fall anywhere.
            if (!run.isImage() && run.width() >= SUBSTANTIAL * width && run.width() < NARROW * width) {
                int a = clamp((int) Math.floor(run.x0() - minX), bins);
                int b = clamp((int) Math.ceil(run.x1() - minX), bins);
                delta[a]++;
                delta[b + 1]--;
                columnRuns++;
            }
        }
        // Some column-like runs may cross a gutter (centred captions, a title block); they must not
        // hide it. A false gutter costs little: runs crossing it cut the page into bands anyway.
        int tolerated = columnRuns / 8;
        List<float[]> gutters = new ArrayList<>();
        int lo = (int) (EDGE * width);
        int hi = (int) ((1 - EDGE) * width);
        int coverage = 0;
        int gapStart = -1;
        for (int i = 0; i <= hi; i++) {
            coverage += delta[i];
            boolean open = i >= lo && coverage <= tolerated;
            if (open && gapStart < 0) {
                gapStart = i;
            } else if (!open && gapStart >= 0) {
                addIfGutter(runs, minX + gapStart, minX + i, width, gutters);
                gapStart = -1;
            }
        }
        if (gapStart >= 0) {
            addIfGutter(runs, minX + gapStart, minX + hi, width, gutters);
        }
        return gutters;
    }

    private static void addIfGutter(List<PdfLine> runs, float start, float end, float width, List<float[]> gutters) {
        if (end - start < MIN_GUTTER) {
            return;
        }
        float previousEnd = gutters.isEmpty() ? -Float.MAX_VALUE : gutters.get(gutters.size() - 1)[1];
        int left = 0;
        int right = 0;
        for (PdfLine run : runs) {
            if (run.isImage() || run.width() < SUBSTANTIAL * width || run.width() >= NARROW * width) {
                continue;
            }
            if (run.x1() <= start + 1 && run.x0() >= previousEnd - 1) {
                left++;
            } else if (run.x0() >= end - 1) {
                right++;
            }
        }
        if (left >= MIN_COLUMN_RUNS && right >= MIN_COLUMN_RUNS) {
            gutters.add(new float[] {start, end});
        }
    }

    private static int clamp(int i, int bins) {
        return Math.max(0, Math.min(bins - 1, i));
    }
}
