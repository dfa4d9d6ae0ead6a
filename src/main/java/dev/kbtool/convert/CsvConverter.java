package dev.kbtool.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV to one Markdown table. The delimiter (comma, semicolon or tab) is sniffed from the first
 * lines; quoted fields may hold delimiters, doubled quotes and line breaks. Only the first
 * {@value #MAX_ROWS} data rows are shown, with a note of how many were left out.
 */
public final class CsvConverter implements Converter {
    static final int MAX_ROWS = 1000;

    @Override
    public List<String> extensions() {
        return List.of("csv", "tsv");
    }

    @Override
    public ConvertedDocument convert(ConversionRequest request) throws IOException, ConversionException {
        String text = TextDecoding.decode(Files.readAllBytes(request.input()));
        char delimiter = Converters.extension(request.input()).equals("tsv") ? '\t' : CsvParser.sniff(text);
        CsvParser parser = new CsvParser(text, delimiter);
        List<List<String>> rows = new ArrayList<>();
        List<String> row;
        long more = 0;
        while ((row = parser.next()) != null) {
            if (rows.size() <= MAX_ROWS) {
                List<String> cells = new ArrayList<>(row.size());
                for (String cell : row) {
                    // A table cell is one line: embedded line breaks become <br>; MarkdownTable escapes pipes.
                    cells.add(MarkdownEscape.text(cell.strip()).replace("\n", "<br>"));
                }
                rows.add(cells);
            } else {
                more++;
            }
        }
        if (rows.isEmpty()) {
            return ConvertedDocument.text(null, "");
        }
        StringBuilder md = new StringBuilder(MarkdownTable.render(rows)).append('\n');
        if (more > 0) {
            md.append("\n… ").append(more).append(more == 1 ? " more row" : " more rows").append(" not shown\n");
        }
        return ConvertedDocument.text(null, md.toString());
    }
}
