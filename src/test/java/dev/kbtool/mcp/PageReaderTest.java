package dev.kbtool.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kbtool.failure.KbException;
import dev.kbtool.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageReaderTest {
    @TempDir
    Path tmp;
    PageReader reader;

    @BeforeEach
    void setUp() throws Exception {
        Path wiki = tmp.resolve("kb/wiki");
        Fixtures.write(wiki.resolve("sources/guide.md"), "---\ntype: \"Source\"\npages: 2\n---\n\n<!-- page 1 -->\n\n"
                + "First page text.\n\n<!-- page 2 -->\n\n## Lantern\n\nSecond page text.\n");
        Fixtures.write(wiki.resolve("sources/book.json"), "[ {\"page\": 1, \"content\": \"One\\nuno\"},"
                + " {\"page\": 2, \"content\": \"Two\\ndos\"} ]");
        Fixtures.write(tmp.resolve("kb/.kb/config.yaml"), "secret: yes\n");
        reader = new PageReader(wiki);
    }

    @Test
    void readsByWikilinkOrPathWithLinesCountedAfterTheFrontmatter() throws Exception {
        for (String page : new String[] {"[[sources/guide|The guide]]", "sources/guide", "wiki/sources/guide.md"}) {
            PageReader.Lines l = reader.read(page, 0, 200, 0);
            assertThat(l.path()).isEqualTo("wiki/sources/guide.md");
            assertThat(l.frontmatter()).isEqualTo("---\ntype: \"Source\"\npages: 2\n---\n");
            assertThat(l.lines().get(0)).isEqualTo("<!-- page 1 -->");
            assertThat(l.total()).isEqualTo(9);
        }
        PageReader.Lines part = reader.read("sources/guide", 3, 1, 0);
        assertThat(part.lines()).containsExactly("First page text.");
        assertThat(part.frontmatter()).isEmpty();
        assertThat(part.render()).startsWith("wiki/sources/guide.md — lines 3–3 of 9 (offset 4 reads on)\n\nFirst page text.\n");
    }

    @Test
    void linesAreCountedFromKbsTextInsideItsMarkersAsTheIndexCountsThem() throws Exception {
        Fixtures.write(tmp.resolve("kb/wiki/sources/ferries.md"),
                "%%kb:begin%%\n# Ferries\n\nThe morning ferry leaves at seven.\n%%kb:end%%\n");

        assertThat(reader.read("sources/ferries", 3, 1, 0).lines()).containsExactly("The morning ferry leaves at seven.");
    }

    @Test
    void aLinkToAHeadingStartsThere() throws Exception {
        assertThat(reader.read("[[sources/guide#Lantern]]", 0, 1, 0).lines()).containsExactly("## Lantern");
    }

    @Test
    void onePageOfAPagedDocumentMarkdownOrJson() throws Exception {
        assertThat(reader.read("sources/guide", 0, 50, 2).lines()).containsExactly("", "## Lantern", "", "Second page text.");
        assertThat(reader.read("[[sources/book.json]]", 0, 50, 2).lines()).containsExactly("Two", "dos");
        assertThat(reader.read("sources/book", 0, 50, 0).lines())
                .containsExactly("<!-- page 1 -->", "One", "uno", "<!-- page 2 -->", "Two", "dos");
        assertThatThrownBy(() -> reader.read("sources/book", 0, 50, 9)).isInstanceOf(KbException.class)
                .hasMessage("'sources/book' has no page 9");
    }

    @Test
    void nothingOutsideTheWikiAndNoMissingPage() throws Exception {
        Files.createSymbolicLink(tmp.resolve("kb/wiki/sources/escape.md"), tmp.resolve("kb/.kb/config.yaml"));
        for (String page : new String[] {"../.kb/config.yaml", "/etc/passwd", "sources/../../.kb/config",
                "sources/escape", "sources/nothing"}) {
            assertThatThrownBy(() -> reader.read(page, 0, 10, 0)).as(page).isInstanceOf(KbException.class);
        }
        assertThatThrownBy(() -> reader.read("sources/nothing", 0, 10, 0))
                .hasMessage("no page 'sources/nothing' in the knowledge base; search for it, or list the documents");
        assertThatThrownBy(() -> reader.read("sources/guide", 99, 10, 0)).hasMessageContaining("past the end");
    }
}
