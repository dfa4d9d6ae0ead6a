package dev.kbtool.convert;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV to one Markdown table, read as a stream so a table of millions of rows costs no more memory
 * than one of a thousand. The delimiter (comma, semicolon or tab) is sniffed from the first
 * lines; quoted fields may hold delimiters, doubled quotes and line breaks. Only the first
 * {@value #MAX_ROWS} data rows are shown, with a note of how many were left out, after a sentence
 * saying what the table holds.
 */
public final class CsvConverter implements Converter {
    static final int MAX_ROWS = 1000;
    /** Characters read ahead to tell the delimiter: the first lines of the table. */
    private static final int SNIFF_CHARS = 64 * 1024;

    @Override
    public List<String> extensions() {
        return List.of("csv", "tsv");
    }

    @Override
    public ConvertedDocument convert(ConversionRequest request) throws IOException, ConversionException {
        boolean tsv = Converters.extension(request.input()).equals("tsv");
        try (Reader in = TextDecoding.open(request.input())) {
            in.mark(SNIFF_CHARS);
            char[] head = new char[SNIFF_CHARS];
            int n = 0;
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
                n += r;
            }
            in.reset();
            char delimiter = tsv ? '\t' : CsvParser.sniff(new String(head, 0, n));
            return convert(new CsvParser(in, delimiter));
        } catch (CharacterCodingException e) {
            throw new ConversionException("not valid UTF-8 text (legacy encoding?); convert the file to UTF-8 first");
        }
    }

    /**
     * Reads every record, keeping only the first {@link #MAX_ROWS} (a page of a million rows
     * helps nobody, and memory stays bounded); the rest are counted. The table is introduced by
     * a sentence saying what it holds, which is what its summary is made from.
     */
    private static ConvertedDocument convert(CsvParser parser) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row;
        long total = 0;
        int columns = 0;
        while ((row = parser.next()) != null) {
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            total++;
            columns = Math.max(columns, row.size());
            if (rows.size() <= MAX_ROWS) {
                List<String> cells = new ArrayList<>(row.size());
                for (String cell : row) {
                    // A table cell is one line: embedded line breaks become <br>; MarkdownTable escapes pipes.
                    String text = cell.strip().replace("\r\n", "\n").replace('\r', '\n');
                    cells.add(MarkdownEscape.text(text).replace("\n", "<br>"));
                }
                rows.add(cells);
            }
        }
        if (rows.isEmpty()) {
            return ConvertedDocument.text(null, "");
        }
        long more = total - rows.size();
        StringBuilder md = new StringBuilder(TableDescription.of(rows, total - 1, columns)).append("\n\n");
        md.append(MarkdownTable.render(rows)).append('\n');
        if (more > 0) {
            md.append("\n… ").append(more).append(more == 1 ? " more row" : " more rows").append(" not shown\n");
        }
        return ConvertedDocument.text(null, md.toString());
    }
}
