package dev.kbtool.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.convert.ConvertedPage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassagesTest {
    @Test
    void aPagedDocumentIsOnePassagePerPageWithTheLineOfItsMarker() {
        String markdown = "<!-- page 1 -->\n\n# Title\n\nFirst page.\n\n<!-- page 2 -->\n\nSecond page.\n";
        List<Passages.Passage> p = Passages.of(markdown, List.of(new ConvertedPage(1, "# Title\n\nFirst page.\n"),
                new ConvertedPage(2, "Second page.\n")));

        assertThat(p).hasSize(2);
        assertThat(p.get(0).page()).isEqualTo(1);
        assertThat(p.get(0).line()).isEqualTo(2);
        assertThat(p.get(0).headings()).isEqualTo("Title");
        assertThat(p.get(0).text()).isEqualTo("Title\nFirst page.");
        assertThat(p.get(1).line()).isEqualTo(8);
        assertThat(p.get(1).section()).as("the heading the page stands under").isEqualTo("Title");
    }

    @Test
    void aVeryLongPageSuchAsAPartOfABigTextFileIsCutIntoPassagesOfThatPage() {
        StringBuilder part = new StringBuilder("# Chapter 3\n\n");
        for (int i = 0; i < 400; i++) {
            part.append("Paragraph ").append(i).append(" of the third part goes on about the consensus of replicas.\n\n");
        }
        String markdown = "<!-- page 1 -->\n\nShort first part.\n\n<!-- page 2 -->\n\n" + part;
        List<Passages.Passage> p = Passages.of(markdown, List.of(new ConvertedPage(1, "Short first part.\n"),
                new ConvertedPage(2, part.toString())));

        assertThat(part.length()).isGreaterThan(Passages.LONG_PAGE);
        assertThat(p.get(0).page()).isEqualTo(1);
        assertThat(p.subList(1, p.size())).hasSizeGreaterThan(5).allSatisfy(x -> {
            assertThat(x.page()).isEqualTo(2);
            assertThat(x.text().length()).isLessThanOrEqualTo(Passages.MAX);
            assertThat(x.section()).isEqualTo("Chapter 3");
        });
        assertThat(p.get(1).line()).as("the page's first line").isEqualTo(6);
        assertThat(p.get(2).line()).isGreaterThan(p.get(1).line());
        assertThat(String.join(" ", p.stream().map(Passages.Passage::text).toList())).contains("Paragraph 0 ", "Paragraph 399 ");
    }

    @Test
    void otherTextIsCutAtHeadingsAndParagraphEndsIntoPassagesOfBoundedSize() {
        StringBuilder md = new StringBuilder("---\ntitle: x\n---\n# Guide\n\nShort intro.\n\n");
        for (int s = 1; s <= 5; s++) {
            md.append("## Part ").append(s).append("\n\n");
            for (int p = 0; p < 20; p++) {
                md.append("Sentence ").append(p).append(" of part ").append(s).append(" runs on for a while to fill.\n\n");
            }
        }
        md.append("```\n# not a heading\n```\n");
        List<Passages.Passage> p = Passages.of(md.toString(), List.of());

        assertThat(p).allSatisfy(x -> assertThat(x.text().length()).isLessThanOrEqualTo(Passages.MAX));
        assertThat(p.get(0).line()).as("after the frontmatter").isEqualTo(1);
        assertThat(p.get(0).headings()).startsWith("Guide\nPart 1");
        assertThat(p.stream().map(Passages.Passage::section)).contains("Part 2", "Part 5");
        assertThat(p.stream().map(Passages.Passage::headings)).noneMatch(h -> h.contains("not a heading"));
        Passages.Passage part3 = p.stream().filter(x -> x.headings().contains("Part 3")).findFirst().orElseThrow();
        assertThat(md.toString().lines().toList().get(part3.line() - 1 + 3)).isEqualTo("## Part 3");
    }

    @Test
    void aTextWithoutLineEndsIsCutAtSpaces() {
        String line = "word ".repeat(3_000);
        List<Passages.Passage> p = Passages.of(line, List.of());

        assertThat(p.size()).isGreaterThan(5);
        assertThat(p).allSatisfy(x -> assertThat(x.text()).doesNotStartWith("ord").hasSizeLessThanOrEqualTo(Passages.MAX));
    }
}
