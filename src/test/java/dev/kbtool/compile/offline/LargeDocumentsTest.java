package dev.kbtool.compile.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.compile.CompileInput;
import dev.kbtool.convert.ConvertedPage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LargeDocumentsTest {
    @Test
    void aDocumentWithinTheBudgetIsReadWhole() {
        CompileInput book = SyntheticBook.generate(500, 42);

        assertThat(LargeDocuments.sample(book)).isSameAs(book);
    }

    @Test
    void aHugeDocumentIsReadFromItsOpeningAndPagesSpreadOverTheRestWithEveryHeading() {
        List<ConvertedPage> pages = new ArrayList<>();
        StringBuilder whole = new StringBuilder();
        for (int p = 1; p <= 2000; p++) {
            String text = "## Section " + p + "\n\n" + ("Page " + p + " tells of rivers and bridges. ").repeat(80);
            pages.add(new ConvertedPage(p, text));
            whole.append("<!-- page ").append(p).append(" -->\n\n").append(text).append("\n\n");
        }
        CompileInput input = new CompileInput("Rivers", "rivers", whole.toString(), pages);

        CompileInput read = LargeDocuments.sample(input);

        // The budget, and for each page left out its heading and page mark.
        assertThat(read.markdown().length()).isLessThan(LargeDocuments.BUDGET_CHARS + 200_000)
                .isGreaterThan(LargeDocuments.BUDGET_CHARS / 2);
        assertThat(read.pages()).hasSize(2000);
        assertThat(read.pages().get(0)).isEqualTo(pages.get(0));
        assertThat(read.pages().get(2)).isEqualTo(pages.get(2));
        long whole1000s = read.pages().stream().filter(p -> p.number() > 1000 && p.markdown().contains("rivers"))
                .count();
        assertThat(whole1000s).as("pages of the second half are read too").isGreaterThan(100);
        assertThat(read.pages()).allMatch(p -> p.markdown().contains("## Section " + p.number()));
        assertThat(read.markdown()).contains("<!-- page 2000 -->", "## Section 1999");
    }

    @Test
    void aHugeTextWithoutPagesIsSampledByBlocks() {
        String paragraph = "A paragraph about harbours, cranes and the ships they load.\n\n";
        CompileInput input = new CompileInput(null, "harbours", paragraph.repeat(120_000), List.of());

        CompileInput read = LargeDocuments.sample(input);

        assertThat(read.pages()).isEmpty();
        assertThat(read.markdown().length()).isLessThan(LargeDocuments.BUDGET_CHARS + 140_000);
        assertThat(read.markdown()).startsWith(paragraph).doesNotContain("<!-- page");
    }
}
