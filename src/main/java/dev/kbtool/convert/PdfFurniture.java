package dev.kbtool.convert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the text of a PDF that belongs to the page, not to the running text: running heads and
 * feet, page numbers, and text set up the margin (the rotated arXiv stamp). A head or foot is a
 * line at the top or bottom of the page, set apart from the text below or above it, that either
 * recurs at the same place on several pages (its digits aside: "Chapter 2 · 17"), sits at the
 * same place in body size or smaller on many pages (running heads that change with the
 * chapter), or is only a page number. Text rotated against the page outside the text's left
 * and right edges is margin text.
 */
final class PdfFurniture {
    /** Heads and feet lie in this share of the page height at its top or bottom (A4 LaTeX feet sit at 83%). */
    private static final float BAND = 0.2f;
    /** A head is set apart from the text by more than this many of its font sizes between baselines. */
    private static final float SEPARATION = 1.8f;
    /** Baselines this close (points) are the same place on two pages. */
    private static final float SAME_PLACE = 3f;
    /** A recurring head or foot is seen on at least this many pages. */
    private static final int MIN_PAGES = 3;
    /** A head whose text changes must sit at one place on at least this share of the pages with text. */
    private static final float SAME_PLACE_SHARE = 0.3f;
    /** Running heads are set no larger than this many body sizes (headings are). */
    private static final float HEAD_SIZE = 1.15f;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^(?:(?:page|p\\.|seite|pagina|página|страница|стр\\.)\\s*)?[-–—(\\[]?\\s*(?:\\p{Nd}{1,4}|[ivxlcdm]{1,7})"
                    + "\\s*[-–—)\\]]?(?:\\s*(?:/|of|von|de|из)\\s*\\p{Nd}{1,4})?$");
    private static final Pattern DIGITS = Pattern.compile("\\p{Nd}+");
    private static final Pattern ROMAN = Pattern.compile("\\b[ivxlc]{1,6}\\b");

    private PdfFurniture() {
    }

    /** One page's lines: running text, and furniture in page order (heads, feet, margin). */
    record Page(List<PdfLine> body, List<PdfLine> furniture) {
    }

    /** A head or foot candidate: a row of lines at the top or bottom of a page. */
    private record Row(int page, boolean top, List<PdfLine> lines, float baseline, float size, String text) {
        boolean bold() {
            for (PdfLine line : lines) {
                if (!line.bold()) {
                    return false;
                }
            }
            return true;
        }

        String key() {
            String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            return ROMAN.matcher(DIGITS.matcher(t).replaceAll("#")).replaceAll("#");
        }
    }

    /**
     * @param outline the document's bookmarks: a line that is the title of one pointing to its
     *                page is a heading, wherever it stands
     */
    static List<Page> split(List<List<PdfLine>> pages, List<float[]> sizes, List<OutlineEntry> outline) {
        Set<String> titles = new HashSet<>();
        for (OutlineEntry entry : outline) {
            titles.add(entry.page() + ":" + PdfHeadings.normalize(entry.title()));
        }
        List<Row> candidates = new ArrayList<>();
        int withText = 0;
        for (int p = 0; p < pages.size(); p++) {
            List<List<PdfLine>> rows = rows(pages.get(p));
            withText += rows.isEmpty() ? 0 : 1;
            float height = sizes.get(p)[1];
            List<Row> onPage = new ArrayList<>();
            addCandidates(p, rows, height, onPage);
            for (Row row : onPage) {
                if (!titles.contains((p + 1) + ":" + PdfHeadings.normalize(row.text()))) {
                    candidates.add(row);
                }
            }
        }
        float body = PdfBlocks.dominantSize(pages);
        Set<PdfLine> furniture = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Row row : candidates) {
            if (PAGE_NUMBER.matcher(row.text()).matches()) {
                furniture.addAll(row.lines());
            }
        }
        markRecurring(candidates, furniture);
        markSamePlace(candidates, body, Math.max(MIN_PAGES, (int) Math.ceil(SAME_PLACE_SHARE * withText)), furniture);
        List<Page> out = new ArrayList<>(pages.size());
        for (List<PdfLine> page : pages) {
            out.add(page(page, furniture));
        }
        return out;
    }

    private static Page page(List<PdfLine> lines, Set<PdfLine> furniture) {
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (PdfLine line : lines) {
            if (!line.isImage() && !line.rotated() && !furniture.contains(line)) {
                left = Math.min(left, line.x0());
                right = Math.max(right, line.x1());
            }
        }
        List<PdfLine> body = new ArrayList<>(lines.size());
        List<PdfLine> aside = new ArrayList<>();
        for (PdfLine line : lines) {
            // A watermark across the page is no more part of the text than a stamp up its margin.
            boolean margin = line.rotated() && (line.x1() <= left || line.x0() >= right)
                    || line.turn() == PdfLine.DIAGONAL;
            if (furniture.contains(line) || margin) {
                aside.add(line);
            } else {
                body.add(line);
            }
        }
        if (aside.isEmpty()) {
            return new Page(lines, List.of());
        }
        aside.sort(Comparator.comparing(PdfLine::rotated).thenComparingDouble(PdfLine::baseline)
                .thenComparingDouble(PdfLine::x0));
        return new Page(body, aside);
    }

    /** The upright text lines of a page grouped by baseline, top to bottom, each row left to right. */
    private static List<List<PdfLine>> rows(List<PdfLine> lines) {
        List<PdfLine> text = new ArrayList<>(lines.size());
        for (PdfLine line : lines) {
            if (!line.isImage() && !line.rotated() && !line.text().isBlank()) {
                text.add(line);
            }
        }
        text.sort(Comparator.comparingDouble(PdfLine::baseline));
        List<List<PdfLine>> rows = new ArrayList<>();
        for (PdfLine line : text) {
            List<PdfLine> last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (last != null && PdfColumns.sameRow(last.get(0), line)) {
                last.add(line);
            } else {
                rows.add(new ArrayList<>(List.of(line)));
            }
        }
        for (List<PdfLine> row : rows) {
            row.sort(Comparator.comparingDouble(PdfLine::x0));
        }
        return rows;
    }

    /** The first two and last two rows of a page, where they lie in its outer bands and stand apart. */
    private static void addCandidates(int page, List<List<PdfLine>> rows, float height, List<Row> out) {
        int n = rows.size();
        for (int i = 0; i < Math.min(2, n - 1); i++) {
            Row row = row(page, true, rows.get(i));
            float next = baseline(rows.get(i + 1));
            if (row.baseline() > BAND * height || next - row.baseline() < SEPARATION * row.size()) {
                break;
            }
            out.add(row);
        }
        for (int i = n - 1; i >= Math.max(1, n - 2); i--) {
            Row row = row(page, false, rows.get(i));
            float top = top(rows.get(i));
            float previous = baseline(rows.get(i - 1));
            if (top < (1 - BAND) * height || row.baseline() - previous < SEPARATION * row.size()) {
                break;
            }
            out.add(row);
        }
    }

    private static Row row(int page, boolean top, List<PdfLine> lines) {
        StringBuilder text = new StringBuilder();
        float size = 0;
        for (PdfLine line : lines) {
            text.append(text.length() == 0 ? "" : " ").append(line.text());
            size = Math.max(size, line.fontSize());
        }
        return new Row(page, top, lines, baseline(lines), size, text.toString().strip());
    }

    private static float baseline(List<PdfLine> row) {
        return row.get(0).baseline();
    }

    private static float top(List<PdfLine> row) {
        float top = Float.MAX_VALUE;
        for (PdfLine line : row) {
            top = Math.min(top, line.top());
        }
        return top;
    }

    /** Rows whose text, digits aside, recurs at one place on several pages. */
    private static void markRecurring(List<Row> candidates, Set<PdfLine> furniture) {
        Map<String, List<Row>> byText = new HashMap<>();
        for (Row row : candidates) {
            byText.computeIfAbsent((row.top() ? "^" : "$") + row.key(), k -> new ArrayList<>()).add(row);
        }
        for (List<Row> group : byText.values()) {
            markAtCommonPlace(group, MIN_PAGES, furniture);
        }
    }

    /**
     * Heads in body size or smaller at one place on many pages, whatever they say (running heads
     * by chapter). Feet are only taken when they recur or are page numbers: what stands at the
     * foot of a page is often its footnote.
     */
    private static void markSamePlace(List<Row> candidates, float body, int minPages, Set<PdfLine> furniture) {
        List<Row> small = new ArrayList<>();
        for (Row row : candidates) {
            if (row.size() < body * HEAD_SIZE && !row.bold()) {
                small.add(row);
            }
        }
        List<Row> heads = new ArrayList<>();
        for (Row row : small) {
            if (row.top()) {
                heads.add(row);
            }
        }
        markAtCommonPlace(heads, minPages, furniture);
    }

    /** Marks the rows of {@code group} at the baseline most of them share, if they are on enough pages. */
    private static void markAtCommonPlace(List<Row> group, int minPages, Set<PdfLine> furniture) {
        if (group.size() < minPages) {
            return;
        }
        Map<Integer, Set<Integer>> pagesAt = new HashMap<>();
        for (Row row : group) {
            int bucket = Math.round(row.baseline() / SAME_PLACE);
            for (int b = bucket - 1; b <= bucket + 1; b++) {
                pagesAt.computeIfAbsent(b, k -> new HashSet<>()).add(row.page());
            }
        }
        int best = pagesAt.entrySet().stream().max(Map.Entry.comparingByValue(Comparator.comparingInt(Set::size)))
                .map(Map.Entry::getKey).orElse(0);
        if (pagesAt.get(best).size() < minPages) {
            return;
        }
        for (Row row : group) {
            if (Math.abs(row.baseline() - best * SAME_PLACE) <= 1.5f * SAME_PLACE) {
                furniture.addAll(row.lines());
            }
        }
    }
}
