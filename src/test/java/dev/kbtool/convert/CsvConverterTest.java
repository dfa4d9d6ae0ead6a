package dev.kbtool.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvConverterTest {
    @TempDir
    Path dir;

    private String convert(String name, String content) throws Exception {
        Path file = Files.writeString(dir.resolve(name), content);
        return new CsvConverter().convert(new ConversionRequest(file, null, null)).markdown();
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws Exception {
        assertThat(convert("a.csv", "name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\r\nx|y,2\r\n"))
                .isEqualTo("A table of 2 rows in 2 columns: name, note. The rows: name Smith, J, note said \"hi\" then left; name x|y, note 2.\n\n"
                        + "| name | note |\n| --- | --- |\n| Smith, J | said \"hi\"<br>then left |\n| x\\|y | 2 |\n");
    }

    @Test
    void sniffsSemicolonsAndTabs() throws Exception {
        assertThat(convert("b.csv", "a;b;c\n1,5;2;3\n")).isEqualTo("A table of 1 row in 3 columns: a, b, c. The row: a 1,5, b 2, c 3.\n\n"
                + "| a | b | c |\n| --- | --- | --- |\n| 1,5 | 2 | 3 |\n");
        assertThat(convert("c.csv", "a\tb\n1\t2\n")).isEqualTo("A table of 1 row in 2 columns: a, b. The row: a 1, b 2.\n\n"
                + "| a | b |\n| --- | --- |\n| 1 | 2 |\n");
    }

    @Test
    void largeFilesAreTruncatedWithANote() throws Exception {
        StringBuilder csv = new StringBuilder("id,value\n");
        for (int i = 1; i <= 1500; i++) {
            csv.append(i).append(",v").append(i).append('\n');
        }
        String md = convert("big.csv", csv.toString());

        assertThat(md).startsWith("A table of 1,500 rows in 2 columns: id, value. The first rows: id 1, value v1; id 2, value v2; id 3, value v3.");
        assertThat(md).contains("| 1000 | v1000 |").doesNotContain("| 1001 |");
        assertThat(md).endsWith("\n… 500 more rows not shown\n");
    }

    @Test
    void aTableWithoutAHeaderIsDescribedByItsSize() throws Exception {
        assertThat(convert("n.csv", "1,2\n3,4\n")).startsWith("A table of 2 rows in 2 columns. The rows: 1, 2; 3, 4.\n\n| 1 | 2 |");
    }

    @Test
    void aTableTooBigToHoldInMemoryIsReadAsAStream() throws Exception {
        // 3 million rows, about 60 MB: read whole, the file and its text would not fit in a small heap.
        Path file = dir.resolve("huge.csv");
        try (var out = Files.newBufferedWriter(file)) {
            out.write("id,name,amount\n");
            for (int i = 0; i < 3_000_000; i++) {
                out.write(i + ",name number " + i + ",12.5\n");
            }
        }
        String md = new CsvConverter().convert(new ConversionRequest(file, null, null)).markdown();

        assertThat(md).startsWith("A table of 3,000,000 rows in 3 columns: id, name, amount.");
        assertThat(md).endsWith("\n… 2999000 more rows not shown\n");
    }

    @Test
    void invalidUtf8AfterTheFirstBytesFailsWithAReason() throws Exception {
        byte[] head = "a,b\n".repeat(5000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = '(';
        bytes[head.length + 2] = '\n';
        Path file = Files.write(dir.resolve("bad.csv"), bytes);

        assertThatThrownBy(() -> new CsvConverter().convert(new ConversionRequest(file, null, null)))
                .isInstanceOf(ConversionException.class).hasMessageContaining("not valid UTF-8");
    }
}
