package dev.kbtool.convert;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records read as a stream: quoted fields with doubled quotes and embedded line
 * breaks; CR LF, CR and LF all end a record. Memory holds one record at a time, whatever the
 * size of the file.
 */
final class CsvParser {
    private static final char[] CANDIDATES = {',', ';', '\t'};
    private static final int SNIFF_LINES = 20;

    private final Reader in;
    private final char delimiter;
    private int peeked = -2;

    CsvParser(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /**
     * The candidate that splits the first lines into the same number of fields most consistently,
     * preferring more fields; quoted parts are not counted.
     */
    static char sniff(String head) throws IOException {
        char best = ',';
        long bestScore = -1;
        for (char c : CANDIDATES) {
            CsvParser p = new CsvParser(new StringReader(head), c);
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
    List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (; c >= 0; c = read()) {
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        field.append('"');
                        read();
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                break;
            } else if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                break;
            } else {
                field.append((char) c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }
}
