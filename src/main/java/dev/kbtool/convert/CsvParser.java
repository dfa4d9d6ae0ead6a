package dev.kbtool.convert;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 records from text: quoted fields with doubled quotes and embedded line breaks. */
final class CsvParser {
    private static final char[] CANDIDATES = {',', ';', '\t'};
    private static final int SNIFF_LINES = 20;

    private final String text;
    private final char delimiter;
    private int pos;

    CsvParser(String text, char delimiter) {
        this.text = text;
        this.delimiter = delimiter;
    }

    /**
     * The candidate that splits the first lines into the same number of fields most consistently,
     * preferring more fields; quoted parts are not counted.
     */
    static char sniff(String text) {
        char best = ',';
        long bestScore = -1;
        for (char c : CANDIDATES) {
            CsvParser p = new CsvParser(text, c);
            List<Integer> widths = new ArrayList<>();
            List<String> row;
            while (widths.size() < SNIFF_LINES && (row = p.next()) != null) {
                widths.add(row.size());
            }
            if (widths.isEmpty() || widths.get(0) < 2) {
                continue;
            }
            int first = widths.get(0);
            long same = widths.stream().filter(w -> w == first).count();
            long score = same * 1000 + first;
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /** The next record, or null at the end. */
    List<String> next() {
        if (pos >= text.length()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (quoted) {
                if (c == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                break;
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
