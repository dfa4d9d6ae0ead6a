package dev.kbtool.convert;

import dev.kbtool.text.LineJoin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tables in a PDF page region: three or more lines in a row, each of two or more cells set apart
 * by wide gaps (the runs a line was merged from). Read as paragraphs, a table's rows were one
 * "paragraph" each, or ran into one another. Columns are where the cells' extents overlap from
 * row to row; the table becomes a Markdown table, or stays text when its cells do not line up.
 * Code (fixed pitch), display text, equations with their numbers and lists with their markers
 * set apart are not tables.
 */
final class PdfTables {
    private static final int MIN_ROWS = 3;
    private static final int MAX_COLUMNS = 12;
    /** Rows further apart than this many font sizes (baseline to baseline) are two tables. */
    private static final float MAX_ROW_GAP = 3f;
    /** Cells of one column may miss each other by this much (points) and still line up. */
    private static final float SLACK = 2f;
    private static final Pattern LABEL = Pattern.compile(
            "^(?:\\[\\p{Nd}{1,4}]|\\p{Nd}{1,3}[.)]?|[\u2022\u25E6\u25AA\u2023\u2043\u00B7*+\\-\u2013]|\\([a-z0-9]{1,3}\\))$");
    private static final Pattern EQUATION_NUMBER = Pattern.compile("^\\((?:\\p{Nd}+(?:\\.\\p{Nd}+)*[a-z]?)\\)$");

    private PdfTables() {
    }

    /** Which rows of a region belong to tables. */
    static boolean[] rows(List<PdfLine> rows, List<List<PdfLine>> cells, float bodySize) {
        boolean[] table = new boolean[rows.size()];
        int start = -1;
        for (int i = 0; i <= rows.size(); i++) {
            boolean row = i < rows.size() && isTableRow(rows.get(i), cells.get(i), bodySize)
                    && (start < 0 || !breaks(List.of(rows.get(i - 1)), rows.get(i)));
            if (row && start < 0) {
                start = i;
            } else if (!row && start >= 0) {
                if (i - start >= MIN_ROWS) {
                    java.util.Arrays.fill(table, start, i, true);
                }
                start = i < rows.size() && isTableRow(rows.get(i), cells.get(i), bodySize) ? i : -1;
            }
        }
        return table;
    }

    private static boolean isTableRow(PdfLine row, List<PdfLine> cells, float bodySize) {
        if (cells.size() < 2 || row.isImage() || row.rotated() || row.mono() || row.fontSize() > bodySize * 1.15f) {
            return false;
        }
        String first = cells.get(0).text().strip();
        String last = cells.get(cells.size() - 1).text().strip();
        return !(cells.size() == 2 && (LABEL.matcher(first).matches() || EQUATION_NUMBER.matcher(last).matches()));
    }

    /** Whether {@code row} is too far below the table's last row to belong to it. */
    static boolean breaks(List<PdfLine> table, PdfLine row) {
        PdfLine last = table.get(table.size() - 1);
        float gap = row.baseline() - last.baseline();
        return gap <= 0 || gap > MAX_ROW_GAP * Math.max(last.fontSize(), row.fontSize());
    }

    /**
     * The table as Markdown, its first row the header; null when its cells do not line up in
     * columns. A row that only goes on with words its cells above broke at a hyphen is that
     * row's second line (a cell whose text wraps), not a row of its own.
     */
    static String markdown(List<List<PdfLine>> rows, LineJoin.Hyphens hyphens) {
        List<float[]> columns = columns(rows);
        if (columns.size() < 2) {
            // A cell spanning columns joins their extents: go by where cells start instead.
            columns = leftEdges(rows);
        }
        if (columns.size() < 2 || columns.size() > MAX_COLUMNS) {
            return null;
        }
        List<String[]> grid = new ArrayList<>();
        for (List<PdfLine> row : rows) {
            String[] texts = new String[columns.size()];
            for (PdfLine cell : row) {
                int c = column(columns, cell);
                texts[c] = texts[c] == null ? cell.text() : texts[c] + " " + cell.text();
            }
            String[] above = grid.isEmpty() ? null : grid.get(grid.size() - 1);
            if (above != null && wrapsOnto(above, texts)) {
                join(above, texts, hyphens);
            } else {
                grid.add(texts);
            }
        }
        StringBuilder md = new StringBuilder();
        for (int r = 0; r < grid.size(); r++) {
            md.append('|');
            for (String text : grid.get(r)) {
                md.append(' ').append(text == null ? "" : escape(text)).append(" |");
            }
            md.append('\n');
            if (r == 0) {
                md.append('|').append(" --- |".repeat(columns.size())).append('\n');
            }
        }
        md.setLength(md.length() - 1);
        return md.toString();
    }

    /**
     * Whether {@code row} is the next line of the cells of {@code above}: some cell goes on with
     * a lower-case word after a hyphen above it, and every other cell of the row fills a cell
     * left empty above.
     */
    private static boolean wrapsOnto(String[] above, String[] row) {
        boolean broken = false;
        for (int c = 0; c < row.length; c++) {
            if (row[c] == null || above[c] == null) {
                continue;
            }
            if (!endsWithBrokenWord(above[c]) || !Character.isLowerCase(row[c].charAt(0))) {
                return false;
            }
            broken = true;
        }
        return broken;
    }

    private static boolean endsWithBrokenWord(String text) {
        int n = text.length();
        return n >= 2 && (text.charAt(n - 1) == '-' || text.charAt(n - 1) == '\u2010')
                && Character.isLetter(text.charAt(n - 2));
    }

    private static void join(String[] above, String[] row, LineJoin.Hyphens hyphens) {
        for (int c = 0; c < row.length; c++) {
            if (row[c] == null) {
                continue;
            }
            StringBuilder cell = new StringBuilder(above[c] == null ? "" : above[c]);
            LineJoin.append(cell, row[c], hyphens);
            above[c] = cell.toString();
        }
    }

    /** Column extents {x0, x1}, left to right: the cells' extents merged where they overlap. */
    private static List<float[]> columns(List<List<PdfLine>> rows) {
        List<float[]> spans = new ArrayList<>();
        for (List<PdfLine> row : rows) {
            for (PdfLine cell : row) {
                spans.add(new float[] {cell.x0(), cell.x1()});
            }
        }
        spans.sort(Comparator.comparingDouble(s -> s[0]));
        List<float[]> columns = new ArrayList<>();
        for (float[] span : spans) {
            float[] last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
            if (last != null && span[0] <= last[1] + SLACK) {
                last[1] = Math.max(last[1], span[1]);
            } else {
                columns.add(span.clone());
            }
        }
        return columns;
    }

    /**
     * Columns from the left edges two or more rows share, each reaching to the next one: left
     * aligned columns under a heading that spans them.
     */
    private static List<float[]> leftEdges(List<List<PdfLine>> rows) {
        List<float[]> starts = new ArrayList<>();
        List<Float> edges = new ArrayList<>();
        for (List<PdfLine> row : rows) {
            for (PdfLine cell : row) {
                edges.add(cell.x0());
            }
        }
        edges.sort(null);
        int i = 0;
        while (i < edges.size()) {
            int j = i;
            while (j + 1 < edges.size() && edges.get(j + 1) - edges.get(i) <= SLACK) {
                j++;
            }
            if (j > i) {
                starts.add(new float[] {edges.get(i), edges.get(i)});
            }
            i = j + 1;
        }
        for (int c = 0; c < starts.size(); c++) {
            // A cell belongs to the column it starts in: each column reaches to the next one's start.
            starts.get(c)[1] = c + 1 < starts.size() ? starts.get(c + 1)[0] - SLACK : Float.MAX_VALUE;
        }
        return starts;
    }

    private static int column(List<float[]> columns, PdfLine cell) {
        // Columns found by their left edges are open to the right: there a cell's start places it.
        boolean byEdges = columns.get(columns.size() - 1)[1] == Float.MAX_VALUE;
        float center = byEdges ? cell.x0() : cell.centerX();
        for (int c = 0; c < columns.size(); c++) {
            if (center <= columns.get(c)[1] + SLACK) {
                return c;
            }
        }
        return columns.size() - 1;
    }

    /** Cell text as Markdown: escaped, and a pipe written so it does not end the cell. */
    private static String escape(String text) {
        return MarkdownEscape.text(text).replace("|", "\\|");
    }
}
