package dev.kbtool.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTreeBuilderTest {
    private static ConvertedDocument doc(List<OutlineEntry> outline, String... pages) {
        List<ConvertedPage> list = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            list.add(new ConvertedPage(i + 1, pages[i]));
        }
        return new ConvertedDocument("Doc", null, "", list, outline, List.of());
    }

    @Test
    void withoutAnOutlineTheHeadingsOfThePagesMakeTheTree() {
        PageTree tree = PageTreeBuilder.build(doc(List.of(),
                "# Intro\n\ntext", "more", "# Methods\n\n## Setup\n\ntext", "```\n# not a heading\n```", "## Runs", "# End"));

        assertThat(tree.children()).extracting(PageTree::title, PageTree::startPage, PageTree::endPage)
                .containsExactly(tuple("Intro", 1, 2), tuple("Methods", 3, 5), tuple("End", 6, 6));
        assertThat(tree.children().get(1).children()).extracting(PageTree::title, PageTree::startPage, PageTree::endPage)
                .containsExactly(tuple("Setup", 3, 4), tuple("Runs", 5, 5));
    }

    @Test
    void withNeitherOutlineNorHeadingsPagesAreGroupedInWindowsOfTen() {
        String[] pages = new String[23];
        java.util.Arrays.fill(pages, "plain text");
        PageTree tree = PageTreeBuilder.build(doc(List.of(), pages));

        assertThat(tree.children()).extracting(PageTree::title, PageTree::startPage, PageTree::endPage)
                .containsExactly(tuple("Pages 1–10", 1, 10), tuple("Pages 11–20", 11, 20), tuple("Pages 21–23", 21, 23));
    }

    @Test
    void outlineEntriesWithUnknownPagesAndSkippedLevelsStillNest() {
        PageTree tree = PageTreeBuilder.build(doc(List.of(
                new OutlineEntry(1, "A", 1), new OutlineEntry(3, "A.deep", 0), new OutlineEntry(1, "B", 2),
                new OutlineEntry(1, "C", 2)), "a", "b", "c"));

        assertThat(tree.children()).extracting(PageTree::title, PageTree::startPage, PageTree::endPage)
                .containsExactly(tuple("A", 1, 1), tuple("B", 2, 2), tuple("C", 2, 3));
        assertThat(tree.children().get(0).children()).extracting(PageTree::title, PageTree::level, PageTree::startPage)
                .containsExactly(tuple("A.deep", 3, 1));
    }
}
