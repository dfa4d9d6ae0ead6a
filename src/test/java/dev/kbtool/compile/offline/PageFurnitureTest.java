package dev.kbtool.compile.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageFurnitureTest {
    @Test
    void removesRunningHeadersAndPageNumbersButKeepsText() {
        StringBuilder doc = new StringBuilder();
        for (int p = 1; p <= 6; p++) {
            doc.append("<!-- page ").append(p).append(" -->\n")
                    .append("Chapter 2. Handbook of Things ").append(p + 10).append('\n')
                    .append("Body text of page ").append(p).append(" goes on and on.\n")
                    .append("- ").append(p).append(" -\n");
        }
        String stripped = PageFurniture.strip(doc.toString());
        assertThat(stripped).doesNotContain("Handbook of Things", "- 3 -").contains("Body text of page 3 goes on and on.");
        assertThat(stripped).contains("<!-- page 4 -->");
    }

    @Test
    void leavesShortDocumentsAlone() {
        String doc = "<!-- page 1 -->\nHeader\nText.\n<!-- page 2 -->\nHeader\nMore text.\n";
        assertThat(PageFurniture.strip(doc)).isEqualTo(doc);
        assertThat(PageFurniture.strip("no pages at all")).isEqualTo("no pages at all");
    }
}
