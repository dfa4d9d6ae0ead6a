package dev.kbtool.convert;

import java.util.List;
import java.util.Locale;

/**
 * The sentence that says what a table holds — its size and its columns — so a table has a
 * summary like any other document, not "no running text to summarise".
 */
final class TableDescription {
    private static final int MAX_NAMED = 12;

    private TableDescription() {
    }

    /**
     * @param first    the first record, as Markdown cells
     * @param dataRows records after the first
     * @param columns  the widest record's number of fields
     */
    static String of(List<String> first, long dataRows, int columns) {
        StringBuilder s = new StringBuilder("A table of ");
        if (looksLikeHeader(first)) {
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
