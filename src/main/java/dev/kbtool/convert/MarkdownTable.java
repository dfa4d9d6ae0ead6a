package dev.kbtool.convert;

import java.util.List;

/** Renders rows of cell texts (already Markdown) as a pipe table; the first row is the header. */
final class MarkdownTable {
    private MarkdownTable() {
    }

    static String render(List<List<String>> rows) {
        int width = 0;
        for (List<String> row : rows) {
            width = Math.max(width, row.size());
        }
        if (width == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (List<String> row : rows) {
            if (row.isEmpty()) {
                continue;
            }
            sb.append('|');
            for (int c = 0; c < width; c++) {
                String cell = c < row.size() ? row.get(c) : "";
                sb.append(' ').append(cell.replace("\\\n", " ").replace("\n", " ").replace("|", "\\|").strip()).append(" |");
            }
            sb.append('\n');
            if (first) {
                sb.append('|').append(" --- |".repeat(width)).append('\n');
                first = false;
            }
        }
        return sb.toString().stripTrailing();
    }
}
