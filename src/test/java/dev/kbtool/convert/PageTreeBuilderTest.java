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

    @Test
    void aSectionStartingOnThePageItsChaptersSuccessorStartsOnNeverRunsBackwards() {
        // 2.4 starts on page 16, where chapter 3 starts too: chapter 2 must reach page 16.
        PageTree tree = PageTreeBuilder.build(doc(List.of(new OutlineEntry(1, "2 Needs", 4),
                new OutlineEntry(2, "2.1 What", 4), new OutlineEntry(2, "2.4 Other uses", 16),
                new OutlineEntry(1, "3 Theses", 16), new OutlineEntry(2, "3.3 Measures", 20),
                new OutlineEntry(1, "4 Mirror", 21)), new String[25]));

        List<PageTree> all = new ArrayList<>();
        collect(tree, all);
        assertThat(all).allSatisfy(n -> assertThat(n.endPage()).as(n.title()).isGreaterThanOrEqualTo(n.startPage()));
        assertThat(tree.children().get(1)).extracting(PageTree::title, PageTree::startPage, PageTree::endPage)
                .containsExactly("2 Needs", 4, 16);
    }

    private static void collect(PageTree node, List<PageTree> out) {
        for (PageTree child : node.children()) {
            out.add(child);
            collect(child, out);
        }
    }

    @Test
    void aTableOfContentsPageGivesNoPartsAndPrintedPageNumbersLeaveTitles() {
        PageTree fromHeadings = PageTreeBuilder.build(doc(List.of(),
                "# Alice in Wonderland", "# Contents\n\n#### 1 Down the Rabbit-Hole 13\n\n#### 2 The Pool of Tears 19\n\n"
                        + "#### 3 A Caucus-Race and a Long Tale 25\n\n#### 4 Advice from a Caterpillar 37",
                "# Chapter 1\n\n## Down the Rabbit-Hole", "text", "# Chapter 2", "## Intro ........ 12"));
        PageTree fromOutline = PageTreeBuilder.build(doc(List.of(new OutlineEntry(1, "Preface 1", 3),
                new OutlineEntry(1, "1 Down the Rabbit-Hole 3", 5), new OutlineEntry(1, "2 The Pool of Tears 9", 11),
                new OutlineEntry(1, "Chapter 12", 20), new OutlineEntry(1, "Windows 10", 22)), new String[24]));

        List<PageTree> headings = new ArrayList<>();
        collect(fromHeadings, headings);
        assertThat(headings).extracting(PageTree::title).doesNotContain("1 Down the Rabbit-Hole 13")
                .noneMatch(t -> t.endsWith(" 19") || t.endsWith(" 12")).contains("Chapter 1", "Down the Rabbit-Hole", "Intro");
        assertThat(fromOutline.children()).extracting(PageTree::title)
                .containsExactly("Front matter", "Preface", "1 Down the Rabbit-Hole", "2 The Pool of Tears", "Chapter 12",
                        "Windows 10");
    }
}
