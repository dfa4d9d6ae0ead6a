package dev.kbtool.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentences that say what a table holds — its size, its columns and its first rows — so a
 * table has a description and a summary like any other document, not "no running text to summarise".
 */
final class TableDescription {
    private static final int MAX_NAMED = 12;
    private static final int SAMPLE_ROWS = 3;
    private static final int SAMPLE_COLUMNS = 6;
    private static final int SAMPLE_CELL_CHARS = 40;

    private TableDescription() {
    }

    /**
     * @param rows     the records kept, the first one first (as Markdown cells)
     * @param dataRows records after the first
     * @param columns  the widest record's number of fields
     */
    static String of(List<List<String>> rows, long dataRows, int columns) {
        List<String> first = rows.get(0);
        boolean header = looksLikeHeader(first);
        StringBuilder s = new StringBuilder(size(first, header, dataRows, columns));
        List<List<String>> data = rows.subList(header ? 1 : 0, rows.size());
        if (!data.isEmpty()) {
            // A few rows say what the table holds where the column names alone do not.
            s.append(data.size() > SAMPLE_ROWS ? " The first rows: " : data.size() == 1 ? " The row: " : " The rows: ");
            List<String> described = new ArrayList<>();
            for (List<String> row : data.subList(0, Math.min(SAMPLE_ROWS, data.size()))) {
                described.add(row(header ? first : null, row));
            }
            s.append(String.join("; ", described)).append('.');
        }
        return s.toString();
    }

    /** One record as "column value, column value" (values alone without a header), shortened. */
    private static String row(List<String> header, List<String> row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.min(SAMPLE_COLUMNS, row.size()); i++) {
            String value = shorten(row.get(i).replace("<br>", " ").strip());
            if (value.isEmpty()) {
                continue;
            }
            String name = header != null && i < header.size() ? shorten(header.get(i).strip()) : "";
            cells.add(name.isEmpty() ? value : name + " " + value);
        }
        if (row.size() > SAMPLE_COLUMNS) {
            cells.add("…");
        }
        return String.join(", ", cells);
    }

    private static String shorten(String cell) {
        return cell.length() <= SAMPLE_CELL_CHARS ? cell : cell.substring(0, SAMPLE_CELL_CHARS - 1).strip() + "…";
    }

    private static String size(List<String> first, boolean header, long dataRows, int columns) {
        StringBuilder s = new StringBuilder("A table of ");
        if (header) {
            s.append(count(dataRows, "row")).append(" in ").append(count(columns, "column")).append(": ");
            List<String> named = first.stream().filter(c -> !c.isBlank()).toList();
            s.append(String.join(", ", named.subList(0, Math.min(MAX_NAMED, named.size()))));
            if (named.size() > MAX_NAMED) {
                s.append(" and ").append(named.size() - MAX_NAMED).append(" more");
            }
            s.append('.');
        } else {
            s.append(count(dataRows + 1, "row")).append(" in ").append(count(columns, "column")).append('.');
        }
        return s.toString();
    }

    /** A header names columns: no cell of it is a number or empty, and the names are short. */
    private static boolean looksLikeHeader(List<String> cells) {
        if (cells.isEmpty()) {
            return false;
        }
        for (String c : cells) {
            String t = c.strip();
            if (t.isEmpty() || t.length() > 60 || t.matches("[-+]?[\\d.,:/ %]+")) {
                return false;
            }
        }
        return true;
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
