package dev.kbtool.convert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Groups the lines of a page into blocks. Within a region, a new block starts at a wider vertical
 * gap, a change of size or weight, a list marker, a first-line indent, or after a short line that
 * ends a sentence.
 */
final class PdfBlocks {
    /** Baselines further apart than this many font sizes are not in one paragraph. */
    private static final float PARAGRAPH_GAP = 1.55f;
    /** With a known line pitch, a gap this much wider than it ends a paragraph. */
    private static final float PITCH_SLACK = 1.3f;
    static final Pattern LIST_MARKER = Pattern.compile(
            "^(?:[\u2022\u25E6\u25AA\u25AB\u2023\u2043\u25CB\u25CF\u25A0\u25A1\u25BA\u25B8\u25B9\u2013\u00B7\u2219"
                    + "\uF0B7\uF0A7\uF076\uF0D8\\-*+]"
                    + "|\\d{1,3}[.)]|\\((?:\\d{1,3}|[a-z]|[ivx]{1,5})\\)|[a-z]\\))\\s+\\S");

    /** Bullets, dashes and the like: a list item wherever they start a line. Numbers may just run on. */
    private static final Pattern BULLET = Pattern.compile(
            "^[\u2022\u25E6\u25AA\u25AB\u2023\u2043\u25CB\u25CF\u25A0\u25A1\u25BA\u25B8\u25B9\u00B7\u2219"
                    + "\uF0B7\uF0A7\uF076\uF0D8]\\s");
    /** Lines reaching this share of the region's width are long: they show where the measure ends. */
    private static final float LONG_LINE = 0.5f;
    private static final int MIN_MEASURE_LINES = 3;
    /** A note in the margin is narrower than this share of the measure. */
    private static final float MARGIN_NOTE = 0.5f;
    /** Margin notes are looked for beside running text: at least this share of its rows fill the measure. */
    private static final float BODY_SHARE = 0.5f;
    /** Points a row's ends may lie from the measure's edges (found in 2-point steps) and still fill it. */
    private static final float MEASURE_SLACK = 4f;
    /** A line ending this many font sizes short of the region's right edge still fills the measure. */
    private static final float RUN_ON_EM = 3f;
    /** A sentence that goes on bridges a gap up to this many times the paragraph gap, and sizes this far apart. */
    private static final float MAX_RUN_ON_GAP = 1.6f;
    private static final float MAX_RUN_ON_SIZE = 0.3f;
    static final String SENTENCE_END = ".!?:;…。．｡！？：；";
    private static final String CLOSERS = "\"'”’»)]}*";
    private static final String OPENERS = "\"'“‘«([{¿¡";
    private static final Pattern SECTION_NUMBER = Pattern.compile("^\\p{Nd}+(?:\\.\\p{Nd}+)*\\.?\\s+\\p{L}");

    private PdfBlocks() {
    }

    static List<PdfBlock> of(List<PdfLine> pageRuns) {
        List<List<PdfLine>> regions = new ArrayList<>();
        List<List<List<PdfLine>>> cells = new ArrayList<>();
        for (List<PdfLine> region : PdfColumns.regions(pageRuns)) {
            List<PdfLine> notes = new ArrayList<>();
            List<PdfLine> text = withoutMarginNotes(region, notes);
            List<List<PdfLine>> regionCells = new ArrayList<>();
            regions.add(rows(text, regionCells));
            cells.add(regionCells);
            if (!notes.isEmpty()) {
                // The notes read after the text beside them, as a region of their own.
                List<List<PdfLine>> noteCells = new ArrayList<>();
                regions.add(rows(PdfColumns.inRows(notes), noteCells));
                cells.add(noteCells);
            }
        }
        Map<Float, Float> pitches = linePitches(regions);
        float pageBody = dominantSize(List.of(pageRuns));
        List<PdfBlock> blocks = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            addRegion(regions.get(r), cells.get(r), r, pitches, pageBody, blocks);
        }
        return blocks;
    }

    /**
     * The region's runs without its notes in the margins, which go to {@code notes}: runs set
     * clearly outside the edges most long lines share (notes on even pages sit on the left). PDFBox puts such a note on the
     * row of the body line beside it, and the body text read on through it ("ritu-" + note +
     * "elen"). Right-to-left text and regions without a clear measure are left as they are.
     */
    static List<PdfLine> withoutMarginNotes(List<PdfLine> region, List<PdfLine> notes) {
        float[] extent = textExtent(region);
        float left = extent[0];
        float right = extent[1];
        if (left >= right || mostlyRtl(region)) {
            return region;
        }
        float measureEnd = measureRight(region, left, right);
        float measureStart = -measureRight(mirrored(region), -right, -left);
        if (measureEnd >= right && measureStart <= left) {
            return region;
        }
        float width = measureEnd - measureStart;
        // Rows of the text inside the measure (runs split at wide gaps joined again) that fill it.
        int rows = 0;
        int filling = 0;
        List<PdfLine> inside = new ArrayList<>();
        for (PdfLine run : region) {
            if (!run.isImage() && !run.rotated() && run.x0() < measureEnd && run.x1() > measureStart) {
                inside.add(run);
            }
        }
        List<PdfLine> sorted = PdfColumns.inRows(inside);
        for (int i = 0; i < sorted.size(); ) {
            float x0 = sorted.get(i).x0();
            float x1 = sorted.get(i).x1();
            int j = i + 1;
            while (j < sorted.size() && PdfColumns.sameRow(sorted.get(i), sorted.get(j))) {
                x0 = Math.min(x0, sorted.get(j).x0());
                x1 = Math.max(x1, sorted.get(j).x1());
                j++;
            }
            rows++;
            filling += Math.abs(x1 - measureEnd) < MEASURE_SLACK && Math.abs(x0 - measureStart) < MEASURE_SLACK ? 1 : 0;
            i = j;
        }
        if (filling < BODY_SHARE * rows) {
            // Not a body of running text (a figure's panels, a title page): nothing is in its margin.
            return region;
        }
        List<PdfLine> text = new ArrayList<>(region.size());
        for (PdfLine run : region) {
            float em = Math.max(1, run.fontSize());
            boolean note = !run.isImage() && !run.rotated() && run.width() < MARGIN_NOTE * width
                    && (run.x0() >= measureEnd + em || run.x1() <= measureStart - em);
            (note ? notes : text).add(run);
        }
        return text;
    }

    /** The size most characters of the pages' text are set in; 0 without text. */
    static float dominantSize(List<List<PdfLine>> pages) {
        Map<Float, Integer> chars = new HashMap<>();
        for (List<PdfLine> runs : pages) {
            for (PdfLine run : runs) {
                if (!run.isImage()) {
                    chars.merge(run.fontSize(), run.text().length(), Integer::sum);
                }
            }
        }
        return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
    }

    /**
     * The usual distance between baselines of consecutive lines, per font size, on this page.
     * Scripts and styles differ (Korean text is often set at 1.7 times its size), so the
     * paragraph gap is judged against the page's own line pitch.
     */
    private static Map<Float, Float> linePitches(List<List<PdfLine>> regions) {
        Map<Float, Map<Float, Integer>> deltas = new HashMap<>();
        for (List<PdfLine> rows : regions) {
            for (int i = 1; i < rows.size(); i++) {
                PdfLine a = rows.get(i - 1);
                PdfLine b = rows.get(i);
                float delta = b.baseline() - a.baseline();
                if (!a.isImage() && !b.isImage() && a.fontSize() == b.fontSize()
                        && delta > 0.8f * a.fontSize() && delta < 2.5f * a.fontSize()) {
                    deltas.computeIfAbsent(a.fontSize(), k -> new HashMap<>())
                            .merge(Math.round(delta * 2) / 2f, 1, Integer::sum);
                }
            }
        }
        Map<Float, Float> pitches = new HashMap<>();
        deltas.forEach((size, counts) -> counts.entrySet().stream()
                .filter(e -> e.getValue() >= 3)
                .max(Map.Entry.comparingByValue())
                .ifPresent(e -> pitches.put(size, e.getKey())));
        return pitches;
    }

    /** {left, right} of the lines' text, images and rotated text left out; left > right when there is none. */
    private static float[] textExtent(List<PdfLine> lines) {
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (PdfLine line : lines) {
            if (!line.isImage() && !line.rotated()) {
                left = Math.min(left, line.x0());
                right = Math.max(right, line.x1());
            }
        }
        return new float[] {left, right};
    }

    private static void addRegion(List<PdfLine> rows, List<List<PdfLine>> cells, int region,
            Map<Float, Float> pitches, float pageBody, List<PdfBlock> blocks) {
        float[] extent = textExtent(rows);
        float left = extent[0];
        float right = extent[1];
        if (mostlyRtl(rows)) {
            // Right-to-left lines end at the left edge: that is the one a line that runs on reaches.
            left = -measureRight(mirrored(rows), -right, -left);
        } else {
            right = measureRight(rows, left, right);
        }
        boolean[] table = PdfTables.rows(rows, cells, pageBody);
        List<PdfLine> current = new ArrayList<>();
        List<List<PdfLine>> currentCells = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PdfLine row = rows.get(i);
            if (!current.isEmpty() && (table[i] != table[i - 1] || (table[i] ? PdfTables.breaks(current, row)
                    : startsBlock(current, row, left, right, pitches, pageBody)))) {
                blocks.add(block(current, table[i - 1] ? currentCells : List.of(), region, left, right));
                current = new ArrayList<>();
                currentCells = new ArrayList<>();
            }
            current.add(row);
            currentCells.add(cells.get(i));
        }
        if (!current.isEmpty()) {
            blocks.add(block(current, table[rows.size() - 1] ? currentCells : List.of(), region, left, right));
        }
    }

    /**
     * Where the region's lines end: the right edge most long lines share (justified text ends
     * them all there). A note in the margin, a page number or a wide formula reaching further
     * must not make every line of the text look short.
     */
    private static float measureRight(List<PdfLine> rows, float left, float right) {
        Map<Integer, Integer> ends = new HashMap<>();
        for (PdfLine row : rows) {
            if (!row.isImage() && !row.rotated() && row.x1() - left >= LONG_LINE * (right - left)) {
                ends.merge(Math.round(row.x1() / 2), 1, Integer::sum);
            }
        }
        int best = -1;
        int count = 0;
        for (Map.Entry<Integer, Integer> e : ends.entrySet()) {
            int n = e.getValue() + ends.getOrDefault(e.getKey() - 1, 0) + ends.getOrDefault(e.getKey() + 1, 0);
            if (n > count || n == count && e.getKey() > best) {
                best = e.getKey();
                count = n;
            }
        }
        return count >= MIN_MEASURE_LINES ? Math.min(right, 2 * best + 2) : right;
    }

    private static boolean mostlyRtl(List<PdfLine> rows) {
        int rtl = 0;
        int all = 0;
        for (PdfLine row : rows) {
            all += row.text().length();
            rtl += RtlText.mostlyRtl(row.text()) ? row.text().length() : 0;
        }
        return rtl * 2 > all;
    }

    /** The rows mirrored left to right (x negated): right-to-left text measured as left-to-right is. */
    private static List<PdfLine> mirrored(List<PdfLine> rows) {
        List<PdfLine> out = new ArrayList<>(rows.size());
        for (PdfLine r : rows) {
            out.add(new PdfLine(r.text(), -r.x1(), -r.x0(), r.top(), r.baseline(), r.fontSize(), r.bold(), r.mono(),
                    r.image(), r.turn()));
        }
        return out;
    }

    private static PdfBlock block(List<PdfLine> lines, List<List<PdfLine>> cells, int region, float left,
            float right) {
        return left > right ? PdfBlock.of(lines) : new PdfBlock(lines, region, left, right, cells);
    }

    private static boolean startsBlock(List<PdfLine> block, PdfLine row, float left, float right,
            Map<Float, Float> pitches, float pageBody) {
        PdfLine prev = block.get(block.size() - 1);
        if (prev.isImage() || row.isImage() || prev.rotated() || row.rotated()) {
            return true;
        }
        float size = Math.max(prev.fontSize(), row.fontSize());
        float em = row.fontSize();
        Float pitch = pitches.get(size);
        float maxGap = pitch == null ? PARAGRAPH_GAP * size : Math.max(PITCH_SLACK * pitch, 1.15f * size);
        float gap = row.baseline() - prev.baseline();
        // The sentence visibly goes on: the line before fills the measure and ends mid-sentence, and
        // this one starts in lower case. A taller formula or a line set in another size is no break then.
        boolean rtl = RtlText.mostlyRtl(prev.text());
        boolean full = rtl ? prev.x0() <= left + RUN_ON_EM * em : prev.x1() >= right - RUN_ON_EM * em;
        boolean runsOn = full && !endsSentence(prev.text());
        boolean goesOn = runsOn && startsLower(row.text());
        if (gap <= 0 || gap > maxGap && !(goesOn && gap < MAX_RUN_ON_GAP * maxGap)) {
            return true;
        }
        float sizeChange = Math.abs(prev.fontSize() - row.fontSize());
        if (sizeChange > 0.9f && !(goesOn && sizeChange < MAX_RUN_ON_SIZE * size) || prev.mono() != row.mono()) {
            return true;
        }
        if (prev.bold() != row.bold() && !runsOn) {
            return true;
        }
        if (row.mono()) {
            // Code keeps its lines: only a vertical gap or a change of font ends a code block.
            return false;
        }
        if (isListItem(row.text()) && (!runsOn || BULLET.matcher(row.text()).find())) {
            return true;
        }
        boolean display = size > pageBody + 0.5f;
        if ((display || row.bold()) && SECTION_NUMBER.matcher(row.text()).find()) {
            // Headings stacked without text between them stay apart.
            return true;
        }
        if (display || runsOn) {
            // Indents and short lines say nothing in display type: a wrapped heading hangs its second line.
            // Nor after a line that runs on: a hanging indent (a reference list) continues the entry.
            return false;
        }
        PdfLine first = block.get(0);
        boolean inListItem = isListItem(first.text());
        float indent = rtl ? right - row.x1() : row.x0() - left;
        float prevIndent = rtl ? right - prev.x1() : prev.x0() - left;
        if (!inListItem && indent > 0.8f * em && indent < 6 * em && prevIndent < 0.8f * em) {
            return true;
        }
        boolean prevShort = !full;
        String t = prev.text();
        char end = t.charAt(t.length() - 1);
        return prevShort && endsSentence(t) && end != ';';
    }

    /** Whether a line ends a sentence: with a full stop, question or exclamation mark, colon or semicolon. */
    static boolean endsSentence(String text) {
        int i = text.length() - 1;
        while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || CLOSERS.indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        return i >= 0 && SENTENCE_END.indexOf(text.charAt(i)) >= 0;
    }

    /** Whether a line starts with a lower-case letter (after opening quotes or brackets). */
    static boolean startsLower(String text) {
        int i = 0;
        while (i < text.length() && OPENERS.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i < text.length() && Character.isLowerCase(text.codePointAt(i));
    }

    static boolean isListItem(String text) {
        return LIST_MARKER.matcher(text).find();
    }

    /**
     * Merges runs that share a baseline (split earlier at wide gaps) back into one line each;
     * {@code cells} receives each line's runs, left to right.
     */
    static List<PdfLine> rows(List<PdfLine> region, List<List<PdfLine>> cells) {
        List<PdfLine> rows = new ArrayList<>(region.size());
        int start = 0;
        for (int i = 1; i <= region.size(); i++) {
            if (i == region.size() || region.get(i).isImage() || region.get(start).isImage()
                    || region.get(i).rotated() || region.get(start).rotated()
                    || !PdfColumns.sameRow(region.get(start), region.get(i))) {
                List<PdfLine> runs = new ArrayList<>(region.subList(start, i));
                runs.sort(Comparator.comparingDouble(PdfLine::x0));
                cells.add(runs);
                rows.add(merge(region.subList(start, i)));
                start = i;
            }
        }
        return rows;
    }

    private static PdfLine merge(List<PdfLine> runs) {
        if (runs.size() == 1) {
            return runs.get(0);
        }
        StringBuilder text = new StringBuilder();
        float x0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        float top = Float.MAX_VALUE;
        float baseline = -Float.MAX_VALUE;
        PdfLine longest = runs.get(0);
        int boldChars = 0;
        int monoChars = 0;
        int chars = 0;
        List<PdfLine> ordered = new ArrayList<>(runs);
        if (RtlText.mostlyRtl(runs.get(0).text())) {
            ordered.sort(Comparator.comparingDouble(PdfLine::x1).reversed());
        }
        for (PdfLine run : ordered) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(run.text());
            x0 = Math.min(x0, run.x0());
            x1 = Math.max(x1, run.x1());
            top = Math.min(top, run.top());
            baseline = Math.max(baseline, run.baseline());
            if (run.text().length() > longest.text().length()) {
                longest = run;
            }
            chars += run.text().length();
            if (run.bold()) {
                boldChars += run.text().length();
            }
            if (run.mono()) {
                monoChars += run.text().length();
            }
        }
        return new PdfLine(text.toString(), x0, x1, top, baseline, longest.fontSize(), boldChars * 2 > chars,
                monoChars * 2 >= chars, null, PdfLine.UPRIGHT);
    }
}
