package dev.kbtool.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.kbtool.text.MarkdownText.Block;
import dev.kbtool.text.MarkdownText.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The block structure of {@link MarkdownText} that the offline compiler reads. */
class MarkdownBlocksTest {
    @Test
    void separatesHeadingsParagraphsListItemsAndQuotesAndDropsCodeTablesAndFrontmatter() {
        List<Block> blocks = MarkdownText.blocks("""
                ---
                title: "x"
                ---
                Title
                =====

                First paragraph, wrapped
                over two lines.

                * one item
                * another item
                  continued

                > **Note**
                >
                > Quoted text.

                | a | b |
                |---|---|

                ```
                code();
                ```

                    indented code

                ## Section ##
                Last words.
                """);
        assertThat(blocks).extracting(Block::kind, Block::text).containsExactly(
                tuple(Kind.HEADING, "Title"),
                tuple(Kind.PARAGRAPH, "First paragraph, wrapped over two lines."),
                tuple(Kind.LIST_ITEM, "one item"),
                tuple(Kind.LIST_ITEM, "another item continued"),
                tuple(Kind.QUOTE, "Quoted text."),
                tuple(Kind.HEADING, "Section"),
                tuple(Kind.PARAGRAPH, "Last words."));
    }

    @Test
    void followsPageMarkersAcrossAParagraphAndUndoesLineEndHyphenation() {
        List<Block> blocks = MarkdownText.blocks("""
                <!-- page 1 -->
                Neural net-
                works learn from
                <!-- page 2 -->
                examples.

                A second paragraph.
                """);
        assertThat(blocks).extracting(Block::text, Block::page).containsExactly(
                tuple("Neural networks learn from examples.", 1),
                tuple("A second paragraph.", 2));
    }

    @Test
    void keepsInlineCodeVerbatimAndReportsIt() {
        Block block = MarkdownText.blocks("Use `<key>` with `snake_case_name` and **bold** [links](http://x.org) ![img](a.png).").get(0);
        assertThat(block.text()).isEqualTo("Use <key> with snake_case_name and bold links .");
        assertThat(block.code()).containsExactly("<key>", "snake_case_name");
    }

    @Test
    void aShortTitleLineInWrappedTextIsAHeading() {
        List<Block> blocks = MarkdownText.blocks("""
                The previous section ends here.
                Training Procedure
                We train the network for ten epochs with a small learning rate.
                """);
        assertThat(blocks).extracting(Block::kind).containsExactly(Kind.PARAGRAPH, Kind.HEADING, Kind.PARAGRAPH);
    }

    @Test
    void chineseLinesJoinWithoutASpace() {
        assertThat(MarkdownText.blocks("这会在命令的列表中指示出\n来。").get(0).text()).isEqualTo("这会在命令的列表中指示出来。");
    }

    @Test
    void paragraphsStillGivesTheProseWithoutHeadings() {
        assertThat(MarkdownText.paragraphs("# Head\n\nBody text.\n\n- item")).containsExactly("Body text.", "item");
    }
}
