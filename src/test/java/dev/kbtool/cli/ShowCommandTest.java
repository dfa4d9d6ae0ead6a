package dev.kbtool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CHAPTERS = {"Harbour Engineering", "Tidal Measurements", "Breakwater Design",
        "Dredging Operations"};

    @TempDir
    Path tmp;
    Kb kb;

    @BeforeEach
    void init() {
        kb = new Kb(tmp);
        kb.run("init", "k");
        kb = kb.env("KB_DIR", tmp.resolve("k").toString());
    }

    @Test
    void aLongDocumentShowsWhereItCameFromItsPartsTopicsAndPages() throws Exception {
        Path pdf = longPdf(tmp.resolve("in/harbour manual.pdf"), 24);
        assertThat(kb.run("add", "in").code()).isZero();

        Kb.Result text = kb.run("show", "harbour");
        Kb.Result json = kb.run("--json", "show", "harbour-manual");

        assertThat(text.code()).as(text.toString()).isZero();
        assertThat(text.err()).isEmpty();
        assertThat(text.out()).contains("Document:    harbour-manual", "Origin:      " + pdf, "pdf, 24 pages",
                "Hash:        sha256:", "Added:", "Source:      wiki/sources/harbour-manual.md",
                "Page data:   wiki/sources/harbour-manual.json",
                "Summary:     wiki/summaries/harbour-manual.md", "Parts (4):", "pp. 1-6", "Harbour Engineering",
                "Dredging Operations", "Concepts (", "Entities (");
        JsonNode doc = JSON.readTree(json.out());
        assertThat(json.out().lines()).hasSize(1);
        assertThat(doc.get("summary").asBoolean()).isTrue();
        assertThat(doc.get("doc").asText()).isEqualTo("harbour-manual");
        assertThat(doc.get("origin").asText()).isEqualTo(pdf.toString());
        assertThat(doc.get("pages").asInt()).isEqualTo(24);
        assertThat(doc.get("source").asText()).as("the page a reader opens").isEqualTo("wiki/sources/harbour-manual.md");
        assertThat(doc.get("page_data").asText()).isEqualTo("wiki/sources/harbour-manual.json");
        assertThat(doc.get("tree").size()).isGreaterThanOrEqualTo(4);
        assertThat(doc.get("wiki_pages").toString()).contains("wiki/summaries/harbour-manual.md");
        assertThat(doc.get("concepts").isArray()).isTrue();
        assertThat(doc.get("entities").isArray()).isTrue();
    }

    @Test
    void conceptsAndEntitiesAreListedWithTheirPages() throws Exception {
        Fixtures.write(tmp.resolve("in/search.md"), "# Search engines\n\nApache Lucene is a search library. The"
                + " Apache Software Foundation in Forest Hill maintains Apache Lucene. Inverted indexes make full-text"
                + " search fast; an inverted index maps terms to documents.\n");
        kb.run("add", "in");

        JsonNode doc = JSON.readTree(kb.run("--json", "show", "search").out());
        Kb.Result text = kb.run("show", "search");

        assertThat(doc.get("entities").size()).isPositive();
        for (String kind : new String[] {"concepts", "entities"}) {
            for (JsonNode topic : doc.get(kind)) {
                assertThat(tmp.resolve("k").resolve(topic.get("page").asText())).exists();
                assertThat(text.out()).containsPattern("(?m)^  " + Pattern.quote(topic.get("name").asText()
                        + (kind.equals("entities") ? " (" + topic.get("type").asText() + ")" : "")) + " {2,}"
                        + Pattern.quote(topic.get("page").asText()) + "$");
            }
        }
        // The pages stand in one column under each heading.
        for (String heading : new String[] {"Concepts (", "Entities ("}) {
            List<String> rows = text.out().lines().dropWhile(l -> !l.startsWith(heading)).skip(1)
                    .takeWhile(l -> l.startsWith("  ")).toList();
            assertThat(rows.stream().map(l -> l.indexOf("wiki/")).distinct()).as(heading + "\n" + text.out())
                    .hasSize(rows.isEmpty() ? 0 : 1);
        }
    }

    @Test
    void anUnknownDocumentExits66AndAnAmbiguousOneExits2() {
        Fixtures.write(tmp.resolve("in/alpha.md"), "# Alpha\n\nAlpha text.\n");
        Fixtures.write(tmp.resolve("in/alps.md"), "# Alps\n\nMountains.\n");
        kb.run("add", "in");

        Kb.Result missing = kb.run("show", "zeta");
        Kb.Result ambiguous = kb.run("show", "al");

        assertThat(missing.code()).isEqualTo(66);
        assertThat(missing.out()).isEmpty();
        assertThat(ambiguous.code()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("alpha", "alps");
    }

    /** A PDF of {@code pages} pages in four chapters, each with an outline entry, so kb stores it per page. */
    static Path longPdf(Path file, int pages) throws IOException {
        java.nio.file.Files.createDirectories(file.getParent());
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument doc = new PDDocument()) {
            PDDocumentOutline outline = new PDDocumentOutline();
            doc.getDocumentCatalog().setDocumentOutline(outline);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                int chapter = i * CHAPTERS.length / pages;
                boolean first = i == chapter * pages / CHAPTERS.length;
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = 700;
                    if (first) {
                        line(cs, bold, 20, y, CHAPTERS[chapter]);
                        y -= 40;
                    }
                    for (int s = 0; s < 6; s++) {
                        line(cs, font, 11, y, "The " + CHAPTERS[chapter].toLowerCase() + " team in Rotterdam measured"
                                + " section " + (i + 1) + "." + s + " of the quay wall with care.");
                        y -= 16;
                    }
                }
                if (first) {
                    PDOutlineItem item = new PDOutlineItem();
                    item.setTitle(CHAPTERS[chapter]);
                    PDPageFitDestination dest = new PDPageFitDestination();
                    dest.setPage(page);
                    item.setDestination(dest);
                    outline.addLast(item);
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static void line(PDPageContentStream cs, PDType1Font font, float size, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(72, y);
        cs.showText(text);
        cs.endText();
    }
}
