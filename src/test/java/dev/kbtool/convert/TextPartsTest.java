package dev.kbtool.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextPartsTest {
    @TempDir
    Path dir;

    private static String chapter(int n, int paragraphs) {
        StringBuilder s = new StringBuilder("# Chapter " + n + "\n\n");
        for (int p = 0; p < paragraphs; p++) {
            s.append("Paragraph ").append(p).append(" of chapter ").append(n)
                    .append(" says what it says with `code` and *emphasis*, at some length to fill the page.\n\n");
        }
        return s.toString();
    }

    @Test
    void aSmallFileStaysWhole() throws Exception {
        Path file = Files.writeString(dir.resolve("small.md"), chapter(1, 20));

        ConvertedDocument doc = new MarkdownConverter().convert(new ConversionRequest(file, null, null));

        assertThat(doc.pages()).isEmpty();
        assertThat(doc.markdown()).isEqualTo(chapter(1, 20));
    }

    @Test
    void aBigMarkdownFileIsCutAtItsHeadingsIntoPartsThatAddUpToTheFile() throws Exception {
        StringBuilder text = new StringBuilder("---\ntitle: Big Book\n---\n");
        for (int c = 1; c <= 40; c++) {
            text.append(chapter(c, 400 + c)); // about 40 KB per chapter: parts hold one or two
        }
        Path file = Files.writeString(dir.resolve("big.md"), text);

        ConvertedDocument doc = new MarkdownConverter().convert(new ConversionRequest(file, null, null));

        assertThat(doc.title()).isEqualTo("Big Book");
        assertThat(doc.pages().size()).isBetween(10, 40);
        assertThat(String.join("", doc.pages().stream().map(ConvertedPage::markdown).toList())).isEqualTo(text.toString());
        for (ConvertedPage page : doc.pages().subList(1, doc.pages().size())) {
            assertThat(page.markdown()).startsWith("# Chapter ");
            assertThat(page.markdown().length()).isLessThanOrEqualTo(TextParts.PART_MAX);
        }
        assertThat(doc.outline()).hasSize(doc.pages().size());
        assertThat(doc.outline().get(1).title()).startsWith("Chapter ");
        assertThat(doc.markdown()).startsWith("<!-- page 1 -->\n\n---\ntitle: Big Book").contains("<!-- page 2 -->\n\n# Chapter");
    }

    @Test
    void aBigTextWithoutHeadingsIsCutAtParagraphsNeverInsideCode() throws Exception {
        StringBuilder text = new StringBuilder();
        int n = 0;
        while (text.length() < 3_000_000) {
            text.append("Line ").append(n++).append(" of a long log with no headings at all\n");
            if (n % 7 == 0) {
                text.append('\n');
            }
            if (n % 5000 == 0) {
                text.append("```\n\n# not a heading\n\nstill code\n```\n");
            }
        }
        Path file = Files.writeString(dir.resolve("log.txt"), text);

        ConvertedDocument doc = new TextConverter().convert(new ConversionRequest(file, null, null));

        List<ConvertedPage> pages = doc.pages();
        assertThat(pages.size()).isBetween(3_000_000 / TextParts.PART_MAX, 3_000_000 / (TextParts.PART_TARGET / 2) + 1);
        assertThat(String.join("", pages.stream().map(ConvertedPage::markdown).toList())).isEqualTo(text.toString());
        for (ConvertedPage page : pages.subList(1, pages.size())) {
            assertThat(page.markdown()).startsWith("Line ");
            assertThat(page.markdown().length()).isLessThanOrEqualTo(TextParts.PART_MAX);
            // Each part opens a paragraph: the part before it ends with a blank line.
            assertThat(pages.get(page.number() - 2).markdown()).endsWith("\n\n");
        }
        assertThat(doc.outline().get(0).title()).isEqualTo("Part 1");
    }
}
