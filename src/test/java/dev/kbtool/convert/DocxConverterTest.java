package dev.kbtool.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocxConverterTest {
    private static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"";

    @TempDir
    Path dir;

    static Path docx(Path file, Map<String, String> parts) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private static String p(String style, String runs) {
        return "<w:p>" + (style == null ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>") + runs + "</w:p>";
    }

    private static String r(String text) {
        return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
    }

    private static String li(String numId, int level, String text) {
        return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + level + "\"/><w:numId w:val=\"" + numId + "\"/></w:numPr></w:pPr>"
                + r(text) + "</w:p>";
    }

    private Map<String, String> sample() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("word/document.xml", "<w:document " + W + "><w:body>"
                + p("Titel", r("Quarterly Plan"))
                + p("berschrift1", r("Goals"))
                + p("Heading2", r("Details"))
                + p(null, r("Plain ") + "<w:r><w:rPr><w:b/></w:rPr><w:t>bold</w:t></w:r>" + r(" and ")
                        + "<w:r><w:rPr><w:i/></w:rPr><w:t>italic</w:t></w:r>" + r(" with a ")
                        + "<w:hyperlink r:id=\"rIdLink\">" + r("link") + "</w:hyperlink>"
                        + "<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>" + r("."))
                + li("1", 0, "First bullet") + li("1", 1, "Nested bullet") + li("2", 0, "Step one")
                + "<w:tbl><w:tr><w:tc>" + p(null, r("Name")) + "</w:tc><w:tc>" + p(null, r("Qty")) + "</w:tc></w:tr>"
                + "<w:tr><w:tc>" + p(null, r("Apples|Pears")) + "</w:tc><w:tc>" + p(null, r("3")) + "</w:tc></w:tr></w:tbl>"
                + p(null, "<w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Picture\" descr=\"A chart\"/>"
                        + "<a:graphic><a:graphicData><a:blip r:embed=\"rIdImg\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")
                + "</w:body></w:document>");
        parts.put("word/styles.xml", "<w:styles " + W + ">"
                + "<w:style w:type=\"paragraph\" w:styleId=\"Titel\"><w:name w:val=\"Title\"/></w:style>"
                + "<w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"\u00dcberschrift 1\"/>"
                + "<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
                + "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style></w:styles>");
        parts.put("word/numbering.xml", "<w:numbering " + W + ">"
                + "<w:abstractNum w:abstractNumId=\"10\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl>"
                + "<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
                + "<w:abstractNum w:abstractNumId=\"20\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum>"
                + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"10\"/></w:num>"
                + "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"20\"/></w:num></w:numbering>");
        parts.put("word/_rels/document.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rIdLink\" Type=\"hyperlink\" Target=\"https://example.org/\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rIdImg\" Type=\"image\" Target=\"media/image1.png\"/></Relationships>");
        parts.put("word/media/image1.png", "PNGDATA");
        parts.put("word/media/unused.png", "UNUSED");
        parts.put("docProps/core.xml", "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Plan 2025</dc:title><dc:creator>Grace Hopper</dc:creator></cp:coreProperties>");
        return parts;
    }

    @Test
    void convertsStructureFormattingTablesAndImages() throws Exception {
        Path file = docx(dir.resolve("plan.docx"), sample());
        ConvertedDocument doc = new DocxConverter().convert(new ConversionRequest(file, dir.resolve("images"), "images/plan/"));

        // The Title paragraph the reader sees wins over the core properties' title.
        assertThat(doc.title()).isEqualTo("Quarterly Plan");
        assertThat(doc.author()).isEqualTo("Grace Hopper");
        assertThat(doc.images()).containsExactly("image1.png");
        assertThat(dir.resolve("images/image1.png")).hasContent("PNGDATA");
        assertThat(dir.resolve("images/unused.png")).doesNotExist();
        assertThat(doc.markdown()).isEqualTo("""
                # Quarterly Plan

                # Goals

                ## Details

                Plain **bold** and *italic* with a [link](https://example.org/).

                - First bullet
                    - Nested bullet
                1. Step one

                | Name | Qty |
                | --- | --- |
                | Apples\\|Pears | 3 |

                ![A chart](images/plan/image1.png)
                """);
    }

    @Test
    void titleIsTheTitleParagraphElseTheCorePropertiesElseTheFirstHeading1() throws Exception {
        String styles = "<w:styles " + W + "><w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"
                + "<w:name w:val=\"heading 1\"/></w:style></w:styles>";
        Map<String, String> headingOnly = new LinkedHashMap<>();
        headingOnly.put("word/document.xml", "<w:document " + W + "><w:body>"
                + p(null, r("Prepared by the energy desk"))
                + p("Heading1", r("Quarterly Report on Renewable Energy"))
                + p(null, r("Wind and solar grew again.")) + p("Heading1", r("Outlook")) + "</w:body></w:document>");
        headingOnly.put("word/styles.xml", styles);
        Map<String, String> withCore = new LinkedHashMap<>(headingOnly);
        withCore.put("docProps/core.xml", "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Energy Report Q3</dc:title></cp:coreProperties>");

        Path report = docx(dir.resolve("report-final-v2.docx"), headingOnly);
        Path cored = docx(dir.resolve("cored.docx"), withCore);

        assertThat(new DocxConverter().convert(new ConversionRequest(report, null, null)).title())
                .isEqualTo("Quarterly Report on Renewable Energy");
        assertThat(new DocxConverter().convert(new ConversionRequest(cored, null, null)).title())
                .isEqualTo("Energy Report Q3");
    }

    @Test
    void refusesExternalEntitiesAndZipBombs() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");
        Map<String, String> xxe = new LinkedHashMap<>();
        xxe.put("word/document.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<w:document " + W + "><w:body>" + p(null, "<w:r><w:t>&x;</w:t></w:r>") + "</w:body></w:document>");
        Path xxeFile = docx(dir.resolve("xxe.docx"), xxe);
        Path bomb = dir.resolve("bomb.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<w:document " + W + "><w:body><w:p><w:r><w:t>").getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[1 << 20];
            java.util.Arrays.fill(zeros, (byte) 'a');
            for (int i = 0; i < 110; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }

        String reason = ConversionFailures.reason(() -> new DocxConverter().convert(new ConversionRequest(xxeFile, null, null)));
        assertThat(reason).startsWith("damaged DOCX").doesNotContain("TOP SECRET");
        assertThat(ConversionFailures.reason(() -> new DocxConverter().convert(new ConversionRequest(bomb, null, null))))
                .contains("possible zip bomb");
    }

    @Test
    void notADocxSaysWhatTheFileIs() throws Exception {
        Path html = Files.writeString(dir.resolve("x.docx"), "<html><body>hi</body></html>");
        Path noDocument = docx(dir.resolve("y.docx"), Map.of("content.xml", "<x/>"));

        assertThat(ConversionFailures.reason(() -> new DocxConverter().convert(new ConversionRequest(html, null, null))))
                .isEqualTo("not a DOCX file: the file looks like an HTML page");
        assertThat(ConversionFailures.reason(() -> new DocxConverter().convert(new ConversionRequest(noDocument, null, null))))
                .isEqualTo("not a Word document: word/document.xml is missing");
    }
}
