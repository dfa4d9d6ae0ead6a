package dev.kbtool.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.TreeNode;
import dev.kbtool.convert.ConvertedDocument;
import dev.kbtool.convert.ConvertedPage;
import dev.kbtool.search.SearchResult;
import dev.kbtool.search.Searcher;
import dev.kbtool.testing.Kb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 60-page PDF with an outline, added end to end: per-page source, page tree, contents, full-text index. */
public class LongDocumentTest {
    @TempDir
    Path tmp;
    Kb kb;
    Path root;

    @BeforeEach
    void setUp() throws Exception {
        kb = new Kb(tmp).env("KB_DIR", tmp.resolve("kb").toString());
        kb.run("init", "kb");
        root = tmp.resolve("kb");
        writeBook(tmp.resolve("in/handbook.pdf"));
    }

    @Test
    void theOutlineBecomesTheTreeInTheCatalogAndOnTheSummaryPage() throws Exception {
        Kb.Result r = kb.run("add", "in/handbook.pdf");
        assertThat(r.code()).as(r.toString()).isZero();

        try (Catalog catalog = Catalog.open(root.resolve(".kb/kb.db"))) {
            List<TreeNode> tree = catalog.tree("handbook");
            assertThat(tree).extracting(TreeNode::title).startsWith("Chapter 1 Foundations", "1.1 Early work",
                    "1.2 Later work", "Chapter 2 Methods");
            assertThat(tree).filteredOn(n -> n.level() == 1).hasSize(6)
                    .extracting(n -> n.startPage() + "-" + n.endPage())
                    .containsExactly("1-10", "11-20", "21-30", "31-40", "41-50", "51-60");
            assertThat(tree).filteredOn(n -> n.title().equals("5.1 Early work")).singleElement()
                    .satisfies(n -> {
                        assertThat(n.level()).isEqualTo(2);
                        assertThat(n.startPage()).isEqualTo(41);
                        assertThat(n.endPage()).isEqualTo(45);
                        assertThat(n.summary()).contains("Page 41");
                    });
            // The chapter's heading is followed at once by its first section's: it has no text of
            // its own, and does not borrow the section's.
            assertThat(tree).filteredOn(n -> n.title().equals("Chapter 5 Results")).singleElement()
                    .satisfies(n -> assertThat(n.summary()).isEmpty());
            assertThat(catalog.documentByName("handbook").orElseThrow().pages()).isEqualTo(60);
        }
        String summary = Files.readString(root.resolve("wiki/summaries/handbook.md"));
        assertThat(summary).contains("## Contents", "- [[sources/handbook#Page 41|Chapter 5 Results]] (pages 41–50)",
                "  - [[sources/handbook#Page 41|5.1 Early work]] (pages 41–45)", "[[sources/handbook|handbook.pdf]]");
        JsonNode pages = new ObjectMapper().readTree(root.resolve("wiki/sources/handbook.json").toFile());
        assertThat(pages).hasSize(60);
        assertThat(pages.get(41).get("page").asInt()).isEqualTo(42);
        assertThat(pages.get(41).get("content").asText()).contains("zebra quartz lantern");
        String page = Files.readString(root.resolve("wiki/sources/handbook.md"));
        assertThat(page).contains("type: \"Source\"", "###### Page 42\n\n")
                .containsSubsequence("###### Page 41", "###### Page 42", "zebra quartz lantern", "###### Page 43");
        assertThat(kb.run("doctor").code()).isZero();
    }

    @Test
    void theFullTextIndexFindsAPhraseFromPage42WithItsPageAndLinksToItsHeading() throws Exception {
        kb.run("add", "in/handbook.pdf");

        try (Catalog catalog = Catalog.open(root.resolve(".kb/kb.db"))) {
            List<SearchResult> hits = new Searcher(catalog, true).search(Searcher.Request.of("\"zebra quartz lantern\"", 5));

            SearchResult page = hits.stream().filter(h -> h.passage().kind().equals("source")).findFirst().orElseThrow();
            assertThat(page.passage().page()).isEqualTo(42);
            assertThat(page.passage().target()).isEqualTo("sources/handbook#Page 42");
            assertThat(page.wikilink()).isEqualTo("[[sources/handbook#Page 42]]");
            assertThat(page.path()).isEqualTo("wiki/sources/handbook.md");
            assertThat(page.snippet()).contains("**zebra quartz lantern**");
            String readable = Files.readString(root.resolve(page.path()));
            assertThat(readable).as("the heading the link opens at").contains("\n###### Page 42\n");
            assertThat(readable.substring(readable.indexOf("###### Page 42"))).contains("zebra quartz lantern");
        }
    }

    @Test
    void partsThatStartOnOnePageAreEachSummedUpByTheirOwnText() {
        List<ConvertedPage> pages = List.of(
                new ConvertedPage(1, "# Guide\n\nThe guide opens with a general overview of the tool.\n"),
                new ConvertedPage(2, "## Introduction\n\nThe introduction explains why the tool exists at all.\n\n"
                        + "## Installation\n\nInstallation needs only a Java runtime and one download.\n"),
                new ConvertedPage(3, "## Usage\n\nUsage starts with a single command that creates a folder.\n"));
        ConvertedDocument doc = new ConvertedDocument("Guide", null, "", pages, List.of(), List.of());

        List<TreeNode> tree = LongDocuments.tree(doc);

        assertThat(tree).extracting(TreeNode::title).contains("Introduction", "Installation", "Usage");
        assertThat(tree).filteredOn(n -> n.title().equals("Introduction")).singleElement()
                .satisfies(n -> assertThat(n.summary()).contains("why the tool exists").doesNotContain("Java runtime"));
        assertThat(tree).filteredOn(n -> n.title().equals("Installation")).singleElement()
                .satisfies(n -> assertThat(n.summary()).contains("Java runtime").doesNotContain("why the tool"));
    }

    @Test
    void aPartsSummarySkipsTableOfContentsLines() {
        List<ConvertedPage> pages = List.of(
                new ConvertedPage(1, "# Contents\n\n1.1 Package Initialisation . . . . . . . . . . . . 3\n\n"
                        + "1.2 Flow Frames . . . . . . . . . . . . . . . . 11\n\nThe package draws text into frames of any shape.\n"),
                new ConvertedPage(2, "# Code\n\nThe code begins by loading the packages it needs.\n"));
        ConvertedDocument doc = new ConvertedDocument("Frames", null, "", pages, List.of(), List.of());

        List<TreeNode> tree = LongDocuments.tree(doc);

        assertThat(tree).filteredOn(n -> n.title().equals("Contents")).singleElement()
                .satisfies(n -> assertThat(n.summary()).isEqualTo("The package draws text into frames of any shape."));
    }

    @Test
    void a25PageDocumentIsAMarkdownPageInTheVaultWhoseContentsLinksReachTheirPages() throws Exception {
        writeBook(tmp.resolve("in/short-book.pdf"), 25);
        Kb.Result r = kb.run("add", "in/short-book.pdf");
        assertThat(r.code()).as(r.toString()).isZero();

        String page = Files.readString(root.resolve("wiki/sources/short-book.md"));
        String summary = Files.readString(root.resolve("wiki/summaries/short-book.md"));
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("\\[\\[sources/short-book#([^|\\]]+)\\|").matcher(summary);
        List<String> anchors = new java.util.ArrayList<>();
        while (links.find()) {
            anchors.add(links.group(1));
        }
        assertThat(anchors).contains("Page 1", "Page 11", "Page 21");
        for (String anchor : anchors) {
            // Obsidian finds a heading link by the heading's text.
            assertThat(page).contains("\n###### " + anchor + "\n");
        }
        for (int p = 1; p <= 25; p++) {
            assertThat(page).contains("Page " + p + " of the handbook describes step " + p);
        }
        assertThat(summary).contains("full_text: \"sources/short-book.md\"", "(pages 21–25)").doesNotContain("–1)");
        assertThat(root.resolve("wiki/sources/short-book.json")).exists();
        Kb.Result lint = kb.run("lint");
        assertThat(lint.toString()).doesNotContain("broken", "without-document");
        assertThat(kb.run("doctor").code()).isZero();

        assertThat(kb.run("remove", "short-book", "--yes").code()).isZero();
        assertThat(root.resolve("wiki/sources/short-book.md")).doesNotExist();
        assertThat(root.resolve("wiki/sources/short-book.json")).doesNotExist();
        assertThat(kb.run("doctor").code()).isZero();
    }

    @Test
    void contentsStartAtTheShallowestLevelAndLinkEachPartsFirstPage() {
        List<TreeNode> tree = List.of(new TreeNode(0, 2, "Alice in Wonderland", 1, 1, ""),
                new TreeNode(1, 3, "Lewis Carroll", 1, 1, ""), new TreeNode(2, 2, "Down the Rabbit-Hole", 4, 9, "Alice was tired."));
        dev.kbtool.compile.DocumentAnalysis analysis = new dev.kbtool.compile.DocumentAnalysis("Alice", "A tale.",
                List.of("A tale."), List.of(), List.of(), null);

        String page = SummaryPage.render("alice", "alice.pdf", "/in/alice.pdf", "sources/alice", analysis, tree, List.of(),
                List.of());

        assertThat(page).contains("\n- [[sources/alice#Page 1|Alice in Wonderland]] (page 1)\n"
                + "  - [[sources/alice#Page 1|Lewis Carroll]] (page 1)\n"
                + "- [[sources/alice#Page 4|Down the Rabbit-Hole]] (pages 4–9) — Alice was tired.\n");
    }

    /** Six chapters of ten pages, each with two sections of five; page 42 holds a unique phrase. */
    public static void writeBook(Path file) throws Exception {
        writeBook(file, 60);
    }

    static void writeBook(Path file, int pageCount) throws Exception {
        Files.createDirectories(file.getParent());
        String[] chapters = {"Foundations", "Methods", "Data", "Analysis", "Results", "Outlook"};
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument doc = new PDDocument()) {
            PDDocumentOutline outline = new PDDocumentOutline();
            doc.getDocumentCatalog().setDocumentOutline(outline);
            PDOutlineItem chapter = null;
            for (int p = 1; p <= pageCount; p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                int c = (p - 1) / 10;
                boolean chapterStart = (p - 1) % 10 == 0;
                boolean sectionStart = (p - 1) % 5 == 0;
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = 720;
                    if (chapterStart) {
                        line(cs, bold, 20, y, "Chapter " + (c + 1) + " " + chapters[c]);
                        y -= 36;
                    }
                    if (sectionStart) {
                        line(cs, bold, 14, y, (c + 1) + "." + ((p - 1) % 10 / 5 + 1) + " " + (p % 10 <= 5 && p % 10 != 0 ? "Early work" : "Later work"));
                        y -= 24;
                    }
                    line(cs, font, 11, y, "Page " + p + " of the handbook describes step " + p + " in plain words.");
                    line(cs, font, 11, y - 14, "It continues with more detail about the topic of this chapter.");
                    if (p == 42) {
                        line(cs, font, 11, y - 28, "Here the zebra quartz lantern appears exactly once.");
                    }
                }
                if (chapterStart) {
                    chapter = item("Chapter " + (c + 1) + " " + chapters[c], page);
                    outline.addLast(chapter);
                }
                if (sectionStart) {
                    chapter.addLast(item((c + 1) + "." + ((p - 1) % 10 / 5 + 1) + " "
                            + ((p - 1) % 10 < 5 ? "Early work" : "Later work"), page));
                }
            }
            doc.save(file.toFile());
        }
    }

    private static PDOutlineItem item(String title, PDPage page) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(page);
        return item;
    }

    private static void line(PDPageContentStream cs, PDType1Font font, float size, float y, String text)
            throws Exception {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(72, y);
        cs.showText(text);
        cs.endText();
    }
}
