package dev.kbtool.convert;

import static org.assertj.core.api.Assertions.assertThat;

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
                .isEqualTo("| name | note |\n| --- | --- |\n| Smith, J | said \"hi\"<br>then left |\n| x\\|y | 2 |\n");
    }

    @Test
    void sniffsSemicolonsAndTabs() throws Exception {
        assertThat(convert("b.csv", "a;b;c\n1,5;2;3\n")).isEqualTo("| a | b | c |\n| --- | --- | --- |\n| 1,5 | 2 | 3 |\n");
        assertThat(convert("c.csv", "a\tb\n1\t2\n")).isEqualTo("| a | b |\n| --- | --- |\n| 1 | 2 |\n");
    }

    @Test
    void largeFilesAreTruncatedWithANote() throws Exception {
        StringBuilder csv = new StringBuilder("id,value\n");
        for (int i = 1; i <= 1500; i++) {
            csv.append(i).append(",v").append(i).append('\n');
        }
        String md = convert("big.csv", csv.toString());

        assertThat(md).contains("| 1000 | v1000 |").doesNotContain("| 1001 |");
        assertThat(md).endsWith("\n… 500 more rows not shown\n");
    }
}
