package dev.kbtool.convert;

import static dev.kbtool.convert.PdfFixtures.BOLD;
import static dev.kbtool.convert.PdfFixtures.MONO;
import static dev.kbtool.convert.PdfFixtures.REGULAR;
import static dev.kbtool.convert.PdfFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfConverterTest {
    private static final String BODY = "The quick brown fox jumps over the lazy dog near the river bank.";

    @TempDir
    Path dir;

    private ConvertedDocument convert(Path pdf) throws Exception {
        return new PdfConverter().convert(new ConversionRequest(pdf, dir.resolve("images"), "images/doc/"));
    }

    /** Title 24pt, a 16pt section heading, a bold run-of-text heading, body with a hyphenated word, a list, code. */
    private Path report() throws IOException {
        Path file = dir.resolve("report.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs, BOLD, 24, 72, 720, "Annual Report");
                text(cs, BOLD, 16, 72, 680, "1 Introduction");
                float y = 655;
                for (int i = 0; i < 4; i++) {
                    text(cs, REGULAR, 11, 72, y, BODY);
                    y -= 13;
                }
                text(cs, REGULAR, 11, 72, y, "We describe how the experi-");
                y -= 13;
                text(cs, REGULAR, 11, 72, y, "ment was run in the lab.");
                y -= 30;
                text(cs, BOLD, 11, 72, y, "Method Details");
                y -= 20;
                text(cs, REGULAR, 11, 72, y, "\u2022 First item of the list");
                y -= 13;
                text(cs, REGULAR, 11, 72, y, "\u2022 Second item of the list");
                y -= 30;
                text(cs, MONO, 10, 72, y, "int x = 1;");
                y -= 12;
                text(cs, MONO, 10, 72, y, "    return x;");
            }
            PdfFixtures.page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, doc.getPage(1))) {
                text(cs, BOLD, 16, 72, 720, "2 Results");
                text(cs, REGULAR, 11, 72, 690, "Everything worked as planned on the second page.");
            }
            PdfFixtures.info(doc, "The Annual Report", "Ada Lovelace");
            doc.save(file.toFile());
        }
        return file;
    }

    @Test
    void titleSkipsAGenericSectionHeadingSetLargerThanTheTitle() throws Exception {
        Path file = dir.resolve("book.pdf");
        try (PDDocument doc = new PDDocument()) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, PdfFixtures.page(doc))) {
                text(cs, BOLD, 16, 72, 720, "Alice in Wonderland");
                text(cs, REGULAR, 11, 72, 690, BODY);
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, PdfFixtures.page(doc))) {
                text(cs, BOLD, 24, 72, 720, "Contents");
                for (int i = 0; i < 6; i++) {
                    text(cs, REGULAR, 11, 72, 690 - 14 * i, BODY);
                }
            }
            doc.save(file.toFile());
        }

        assertThat(convert(file).title()).isEqualTo("Alice in Wonderland");
    }

    @Test
    void recoversHeadingsParagraphsListsAndCodePageByPage() throws Exception {
        ConvertedDocument doc = convert(report());

        assertThat(doc.title()).isEqualTo("The Annual Report");
        assertThat(doc.author()).isEqualTo("Ada Lovelace");
        assertThat(doc.pageCount()).isEqualTo(2);
        assertThat(doc.pages()).extracting(ConvertedPage::number).containsExactly(1, 2);
        String first = doc.pages().get(0).markdown();
        assertThat(first).startsWith("# Annual Report\n\n## 1 Introduction\n\n");
        assertThat(first).contains("### Method Details");
        assertThat(first).contains("- First item of the list\n- Second item of the list");
        assertThat(first).contains("```\nint x = 1;\n    return x;\n```");
        // One paragraph: lines joined, the hyphenated word put back together.
        assertThat(first).contains(BODY + " " + BODY).contains("how the experiment was run in the lab.");
        assertThat(doc.pages().get(1).markdown()).isEqualTo("## 2 Results\n\nEverything worked as planned on the second page.");
        assertThat(doc.markdown()).startsWith("<!-- page 1 -->\n\n# Annual Report")
                .contains("\n<!-- page 2 -->\n\n## 2 Results");
    }

    @Test
    void readsTwoColumnsOneAfterTheOtherEvenWhenDrawnRowByRow() throws Exception {
        Path file = dir.resolve("columns.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs, BOLD, 18, 200, 740, "A Paper In Two Columns");
                float y = 700;
                for (int i = 1; i <= 8; i++) {
                    // Drawn interleaved: left line, then right line of the same row.
                    text(cs, REGULAR, 10, 72, y, "left column line number " + i + " says alpha");
                    text(cs, REGULAR, 10, 320, y, "right column line number " + i + " says beta");
                    y -= 12;
                }
            }
            doc.save(file.toFile());
        }
        String md = convert(file).pages().get(0).markdown();

        assertThat(md).startsWith("# A Paper In Two Columns");
        assertThat(md.lastIndexOf("alpha")).isLessThan(md.indexOf("beta"));
        assertThat(md).contains("left column line number 1 says alpha left column line number 2 says alpha");
    }

    @Test
    void aTableCellWhoseTextWrapsAtAHyphenStaysOneCell() throws Exception {
        Path file = dir.resolve("table.pdf");
        String[][] rows = {
            {"Instrument", "Where it is kept", "Condition"},
            {"Barometer", "The chart room", "Working"},
            {"Chronometer", "The captain's cabin, locked in a mahog-", "Needs clean-"},
            {"", "any case under the berth", "ing"},
            {"Sextant", "The bridge", "Working"}};
        PdfFixtures.onePage(file, cs -> {
            text(cs, BOLD, 14, 72, 740, "Instruments Aboard");
            float y = 700;
            for (String[] row : rows) {
                float[] x = {72, 200, 430};
                for (int c = 0; c < row.length; c++) {
                    if (!row[c].isEmpty()) {
                        text(cs, REGULAR, 10, x[c], y, row[c]);
                    }
                }
                y -= 13;
            }
        });

        String md = convert(file).pages().get(0).markdown();

        assertThat(md).contains("| Chronometer | The captain's cabin, locked in a mahogany case under the berth | Needs"
                + " cleaning |").contains("| Sextant | The bridge | Working |").doesNotContain("| ing |");
    }

    @Test
    void extractsUsefulImagesAndSkipsTinyOnes() throws Exception {
        Path file = dir.resolve("images.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs, REGULAR, 11, 72, 720, "A chart follows below this line.");
                cs.drawImage(PdfFixtures.image(doc, 64, 48), 72, 500, 128, 96);
                cs.drawImage(PdfFixtures.image(doc, 8, 8), 300, 500, 16, 16);
                text(cs, REGULAR, 11, 72, 450, "Text after the chart.");
            }
            doc.save(file.toFile());
        }
        ConvertedDocument doc = convert(file);

        assertThat(doc.images()).containsExactly("p1_img1.png");
        assertThat(dir.resolve("images/p1_img1.png")).isRegularFile();
        assertThat(javax.imageio.ImageIO.read(dir.resolve("images/p1_img1.png").toFile()).getWidth()).isEqualTo(64);
        assertThat(doc.pages().get(0).markdown()).isEqualTo(
                "A chart follows below this line.\n\n![](images/doc/p1_img1.png)\n\nText after the chart.");
    }

    /**
     * A wide scan with a soft mask (issue 22: one 6803 x 2323 image made a 13-page thesis convert
     * in 2.8 s): kept at a reader's resolution, decoded subsampled, and laid on white as the page
     * shows it, not stored as a full-size ARGB PNG whose hidden pixels are black.
     */
    @Test
    void aBigTransparentImageIsStoredSmallerAndOnWhite() throws Exception {
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(4200, 1000,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 1000; y++) {
            for (int x = 2100; x < 4200; x++) {
                picture.setRGB(x, y, 0xff0000ff);
            }
        }
        Path file = dir.resolve("scan.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs, REGULAR, 11, 72, 720, "A wide figure follows.");
                cs.drawImage(org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, picture),
                        72, 500, 420, 100);
            }
            doc.save(file.toFile());
        }
        ConvertedDocument doc = convert(file);

        assertThat(doc.images()).containsExactly("p1_img1.png");
        java.awt.image.BufferedImage stored = javax.imageio.ImageIO.read(dir.resolve("images/p1_img1.png").toFile());
        assertThat(stored.getWidth()).isEqualTo(1400);
        assertThat(stored.getHeight()).isEqualTo(334);
        assertThat(stored.getColorModel().hasAlpha()).isFalse();
        assertThat(stored.getRGB(100, 100) & 0xffffff).isEqualTo(0xffffff);
        assertThat(stored.getRGB(1300, 100) & 0xffffff).isEqualTo(0x0000ff);
    }

    @Test
    void readsTheOutlineWithPageNumbersAndUsesItForHeadingLevels() throws Exception {
        Path file = dir.resolve("outline.pdf");
        try (PDDocument doc = new PDDocument()) {
            for (int p = 1; p <= 3; p++) {
                PDPage page = PdfFixtures.page(doc);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    // Same size and weight as the body: only the outline says these are headings.
                    text(cs, REGULAR, 11, 72, 720, p == 3 ? "Details of the method" : "Part " + p);
                    text(cs, REGULAR, 11, 72, 680, BODY);
                }
            }
            PDDocumentOutline outline = PdfFixtures.outline(doc);
            PDOutlineItem part1 = PdfFixtures.bookmark("Part 1", doc.getPage(0));
            PDOutlineItem part2 = PdfFixtures.bookmark("Part 2", doc.getPage(1));
            part2.addLast(PdfFixtures.bookmark("Details of the method", doc.getPage(2)));
            outline.addLast(part1);
            outline.addLast(part2);
            doc.save(file.toFile());
        }
        ConvertedDocument doc = convert(file);

        assertThat(doc.outline()).containsExactly(
                new OutlineEntry(1, "Part 1", 1), new OutlineEntry(1, "Part 2", 2),
                new OutlineEntry(2, "Details of the method", 3));
        assertThat(doc.pages().get(2).markdown()).startsWith("## Details of the method\n\n" + BODY);
        assertThat(doc.pages().get(0).markdown()).startsWith("# Part 1\n\n");
    }

    @Test
    void ownerPasswordOnlyFilesAreReadAndUserPasswordFilesFailClearly() throws Exception {
        Path owner = PdfFixtures.simple(dir.resolve("owner.pdf"), "Secret but readable text.");
        Path user = PdfFixtures.simple(dir.resolve("user.pdf"), "Really secret text.");
        protect(owner, "");
        protect(user, "letmein");

        assertThat(convert(owner).pages().get(0).markdown()).isEqualTo("Secret but readable text.");
        assertThat(ConversionFailures.reason(() -> convert(user)))
                .isEqualTo("encrypted with a password; kb cannot open it");
    }

    private static void protect(Path file, String userPassword) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy(
                    "owner-secret", userPassword, new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
    }

    @Test
    void badFilesFailWithOneLineReasons() throws Exception {
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        Path html = Files.writeString(dir.resolve("page.pdf"), "<!DOCTYPE html><html><body>Not found</body></html>");
        Path good = PdfFixtures.simple(dir.resolve("good.pdf"), "Some text that will be cut off.");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.pdf"), java.util.Arrays.copyOf(bytes, bytes.length * 6 / 10));
        Path garbage = Files.writeString(dir.resolve("garbage.pdf"), "%PDF-1.7\nthis is not a pdf at all\n%%EOF\n");

        assertThat(ConversionFailures.reason(() -> convert(empty))).isEqualTo("empty file");
        assertThat(ConversionFailures.reason(() -> convert(html))).isEqualTo("not a PDF: the file looks like an HTML page");
        assertThat(ConversionFailures.reason(() -> convert(truncated))).isEqualTo("truncated PDF: the end of the file is missing");
        assertThat(ConversionFailures.reason(() -> convert(garbage))).startsWith("damaged PDF").doesNotContain("\n");
    }

    @Test
    void anImageOnlyPdfFailsInsteadOfBecomingAnEmptyDocument() throws Exception {
        Path file = dir.resolve("scan.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = PdfFixtures.page(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(PdfFixtures.image(doc, 200, 260), 0, 0, 612, 792);
            }
            doc.save(file.toFile());
        }
        assertThat(ConversionFailures.reason(() -> convert(file))).isEqualTo("no text layer; OCR is not supported");
    }

    @Test
    void anInterruptedConversionGivesUpWithInterruptedIoException() throws Exception {
        Path file = PdfFixtures.simple(dir.resolve("slow.pdf"), "text");
        Thread.currentThread().interrupt();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> convert(file))
                    .isInstanceOf(java.io.InterruptedIOException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aSixtyPageDocumentWithAnOutlineGivesTheExpectedPageTree() throws Exception {
        Path file = dir.resolve("book.pdf");
        try (PDDocument doc = new PDDocument()) {
            for (int p = 1; p <= 60; p++) {
                PDPage page = PdfFixtures.page(doc);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    text(cs, REGULAR, 11, 72, 700, "Body text of page " + p + ".");
                }
            }
            PDDocumentOutline outline = PdfFixtures.outline(doc);
            PDOutlineItem one = PdfFixtures.bookmark("Chapter One", doc.getPage(2));
            PDOutlineItem two = PdfFixtures.bookmark("Chapter Two", doc.getPage(20));
            two.addLast(PdfFixtures.bookmark("Section 2.1", doc.getPage(20)));
            two.addLast(PdfFixtures.bookmark("Section 2.2", doc.getPage(29)));
            PDOutlineItem three = PdfFixtures.bookmark("Chapter Three", doc.getPage(40));
            outline.addLast(one);
            outline.addLast(two);
            outline.addLast(three);
            PdfFixtures.info(doc, "The Book", null);
            doc.save(file.toFile());
        }
        PageTree tree = PageTreeBuilder.build(convert(file));

        assertThat(tree.title()).isEqualTo("The Book");
        assertThat(tree.startPage()).isEqualTo(1);
        assertThat(tree.endPage()).isEqualTo(60);
        assertThat(tree.children()).extracting(PageTree::title, PageTree::startPage, PageTree::endPage).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Front matter", 1, 2),
                org.assertj.core.groups.Tuple.tuple("Chapter One", 3, 20),
                org.assertj.core.groups.Tuple.tuple("Chapter Two", 21, 40),
                org.assertj.core.groups.Tuple.tuple("Chapter Three", 41, 60));
        assertThat(tree.children().get(2).children())
                .extracting(PageTree::title, PageTree::level, PageTree::startPage, PageTree::endPage).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Section 2.1", 2, 21, 29),
                        org.assertj.core.groups.Tuple.tuple("Section 2.2", 2, 30, 40));
    }

    @Test
    void convertersRunConcurrentlyWithoutSharingState() throws Exception {
        Path file = report();
        String expected = new PdfConverter().convert(new ConversionRequest(file, null, null)).markdown();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            PdfConverter shared = new PdfConverter();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> shared.convert(new ConversionRequest(file, null, null)).markdown()));
            }
            for (var r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
